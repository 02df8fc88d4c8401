import { factories } from '@strapi/strapi';
import crypto from 'crypto';

const SIGNATURE_HEADER = 'x-payhub-signature';

export default factories.createCoreController('api::ticket.ticket', ({ strapi }) => ({
  async purchase(ctx) {
    const user = ctx.state.user;
    const { eventId, quantity = 1 } = ctx.request.body ?? {};
    if (!eventId) {
      return ctx.badRequest('eventId is required');
    }

    const remaining = await strapi.service('api::event.event').remainingCapacity(eventId);
    if (remaining < quantity) {
      return ctx.badRequest('Not enough tickets left');
    }

    const intent = await strapi.service('api::ticket.payments').createIntent({
      eventId,
      quantity,
      customerEmail: user.email,
    });

    const tickets = [];
    for (let i = 0; i < quantity; i++) {
      tickets.push(
        await strapi.entityService.create('api::ticket.ticket', {
          data: {
            event: eventId,
            holder: user.id,
            status: 'pending',
            price: intent.unitAmount,
            paymentIntent: intent.id,
            code: crypto.randomUUID(),
          },
        }),
      );
    }
    return this.transformResponse(await this.sanitizeOutput(tickets, ctx));
  },

  async refund(ctx) {
    const user = ctx.state.user;
    const ticket = await strapi.entityService.findOne('api::ticket.ticket', ctx.params.id, {
      populate: ['holder'],
    });
    if (!ticket) {
      return ctx.notFound();
    }
    if (ticket.holder?.id !== user.id) {
      return ctx.forbidden('Not your ticket');
    }
    if (ticket.status === 'refunded') {
      return ctx.badRequest('Ticket already refunded');
    }

    await strapi.service('api::ticket.payments').refund(ticket.paymentIntent, ticket.price);
    const updated = await strapi.entityService.update('api::ticket.ticket', ticket.id, {
      data: { status: 'refunded' },
    });
    return this.transformResponse(await this.sanitizeOutput(updated, ctx));
  },

  async transfer(ctx) {
    const { recipientEmail } = ctx.request.body ?? {};
    const ticket = await strapi.entityService.findOne('api::ticket.ticket', ctx.params.id, {
      populate: ['holder'],
    });
    if (!ticket) {
      return ctx.notFound();
    }
    if (ticket.status !== 'valid') {
      return ctx.badRequest('Only valid tickets can be transferred');
    }

    const recipient = await strapi.db.query('plugin::users-permissions.user').findOne({
      where: { email: String(recipientEmail ?? '').toLowerCase() },
    });
    if (!recipient) {
      return ctx.badRequest('Recipient has no account');
    }

    const updated = await strapi.entityService.update('api::ticket.ticket', ticket.id, {
      data: { holder: recipient.id },
    });
    strapi.log.info(`ticket ${ticket.id} transferred to user ${recipient.id}`);
    return this.transformResponse(await this.sanitizeOutput(updated, ctx));
  },

  async paymentWebhook(ctx) {
    const secret = process.env.PAYHUB_WEBHOOK_SECRET;
    if (!secret) {
      throw new Error('PAYHUB_WEBHOOK_SECRET is not configured');
    }

    const signature = ctx.request.headers[SIGNATURE_HEADER];
    const raw = ctx.request.body[Symbol.for('unparsedBody')];
    const expected = crypto.createHmac('sha256', secret).update(raw).digest('hex');
    if (signature !== expected) {
      return ctx.unauthorized('Invalid signature');
    }

    const { type, data } = ctx.request.body;
    if (type === 'payment.succeeded') {
      await strapi.db.query('api::ticket.ticket').updateMany({
        where: { paymentIntent: data.intentId, status: 'pending' },
        data: { status: 'valid' },
      });
    } else if (type === 'payment.failed') {
      await strapi.db.query('api::ticket.ticket').deleteMany({
        where: { paymentIntent: data.intentId, status: 'pending' },
      });
    }
    ctx.body = { received: true };
  },

  async delete(ctx) {
    // Tickets carry payment history; they are refunded or voided, never removed.
    return ctx.throw(405, 'Tickets cannot be deleted; refund them instead');
  },

  async validate(ctx) {
    const { code } = ctx.request.body ?? {};
    if (typeof code !== 'string') {
      return ctx.badRequest('code is required');
    }
    const ticket = await strapi.db.query('api::ticket.ticket').findOne({
      where: { code },
      populate: ['event'],
    });
    if (!ticket || ticket.status !== 'valid') {
      ctx.body = { valid: false };
      return;
    }
    await strapi.db.query('api::ticket.ticket').update({
      where: { id: ticket.id },
      data: { status: 'used', scannedAt: new Date() },
    });
    ctx.body = { valid: true, event: ticket.event?.title };
  },
}));
