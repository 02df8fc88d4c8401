import { Context, HttpResponseOK, Post, dependency } from '@foal/core';
import pino from 'pino';

import { VerifyWebhookSignature } from '../hooks/verify-signature.hook';
import { InvoiceRepository } from '../repositories/invoice.repository';

const logger = pino({ name: 'webhooks' });

interface PaymentEvent {
  type: string;
  data: { object: { id: string; metadata?: { invoice_id?: string } } };
}

export class WebhooksController {
  @dependency
  invoices: InvoiceRepository;

  @Post('/payments')
  @VerifyWebhookSignature()
  async payments(ctx: Context) {
    const event = ctx.request.body as PaymentEvent;
    const invoiceId = event.data.object.metadata?.invoice_id;

    if (event.type !== 'payment_intent.succeeded' || !invoiceId) {
      logger.debug({ type: event.type }, 'ignoring webhook event');
      return new HttpResponseOK({ received: true });
    }

    await this.invoices.markPaid(undefined, invoiceId, event.data.object.id);
    return new HttpResponseOK({ received: true });
  }
}
