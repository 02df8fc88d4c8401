import { factories } from '@strapi/strapi';
import fs from 'fs/promises';
import path from 'path';
import { createEvent } from 'ics';

const EXPORT_DIR = '/Users/mkowalski/work/eventhub/exports';

const csvCell = (value: unknown) => {
  const text = value == null ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export default factories.createCoreController('api::event.event', ({ strapi }) => ({
  async upcoming(ctx) {
    const limit = Math.min(Number(ctx.query.limit ?? 20), 100);
    const venue = typeof ctx.query.venue === 'string' ? ctx.query.venue : undefined;

    const events = await strapi.service('api::event.event').findUpcoming(limit, venue);
    const sanitized = await this.sanitizeOutput(events, ctx);
    return this.transformResponse(sanitized);
  },

  async publish(ctx) {
    const { id } = ctx.params;
    const event = await strapi.entityService.findOne('api::event.event', id);
    if (!event) {
      return ctx.notFound('Event not found');
    }
    if (event.publishedAt) {
      return ctx.badRequest('Event already published');
    }

    const updated = await strapi.entityService.update('api::event.event', id, {
      data: { publishedAt: new Date() },
    });
    return this.transformResponse(await this.sanitizeOutput(updated, ctx));
  },

  async exportAttendees(ctx) {
    const { id } = ctx.params;
    const tickets = await strapi.db.query('api::ticket.ticket').findMany({
      where: { event: id, status: { $ne: 'refunded' } },
      populate: ['holder'],
    });

    const rows = tickets.map((t) =>
      [t.code, t.holder?.username, t.holder?.email].map(csvCell).join(','),
    );
    const csv = ['code,name,email', ...rows].join('\n');

    await fs.mkdir(EXPORT_DIR, { recursive: true });
    const file = path.join(EXPORT_DIR, `event-${id}-attendees.csv`);
    await fs.writeFile(file, csv, 'utf8');
    strapi.log.info(`wrote ${rows.length} attendees to ${file}`);

    ctx.set('Content-Type', 'text/csv');
    ctx.attachment(path.basename(file));
    ctx.body = csv;
  },

  async calendar(ctx) {
    const event = await strapi.entityService.findOne('api::event.event', ctx.params.id, {
      populate: ['venue'],
    });
    if (!event || !event.publishedAt) {
      return ctx.notFound();
    }

    const start = new Date(event.startsAt);
    const { error, value } = createEvent({
      title: event.title,
      start: [
        start.getUTCFullYear(),
        start.getUTCMonth() + 1,
        start.getUTCDate(),
        start.getUTCHours(),
        start.getUTCMinutes(),
      ],
      startInputType: 'utc',
      duration: { minutes: event.durationMinutes ?? 120 },
      location: event.venue?.name,
    });
    if (error) {
      strapi.log.error(`ics generation failed for event ${event.id}: ${error.message}`);
      throw error;
    }

    ctx.type = 'text/calendar';
    ctx.body = value;
  },

  async duplicate(ctx) {
    return ctx.throw(501, 'Event duplication is not available yet');
  },
}));
