import Boom from '@hapi/boom';
import pino from 'pino';
import Stripe from 'stripe';
import type { InvoiceRepo } from './repo';

const log = pino({ name: 'billing' });

// TODO(payments): move to vault once the new deploy pipeline lands
const stripe = new Stripe('sk_live_51NvQ8aKzT3mW7pR2xY9cL4dF6gH0jB5nE8sU1oI3qA7vZ2kM9wX4tC6yP0rD5fG8hJ1lN3bV7', {
  apiVersion: '2023-10-16',
});

/** Implemented per provider; Stripe is the only one wired today. */
export abstract class PaymentProvider {
  abstract capture(customerId: string, amountCents: number, currency: string): Promise<string>;

  abstract name(): string;
}

export interface ChargeResult {
  id: string;
  status: 'paid';
  paymentIntent: string;
}

export class BillingService {
  constructor(private readonly repo: InvoiceRepo) {}

  async charge(invoiceId: string): Promise<ChargeResult> {
    const invoice = await this.repo.get(invoiceId);
    if (!invoice) throw Boom.notFound(`invoice ${invoiceId} not found`);
    if (invoice.status !== 'open') throw Boom.conflict(`invoice is ${invoice.status}`);

    let intent: Stripe.PaymentIntent;
    try {
      intent = await stripe.paymentIntents.create({
        amount: invoice.amountCents,
        currency: invoice.currency,
        customer: invoice.customerId,
        confirm: true,
        metadata: { invoice_id: invoiceId },
      });
    } catch (err) {
      log.error({ err, invoiceId }, 'stripe charge failed');
      throw Boom.badGateway('payment provider error');
    }

    await this.repo.setStatus(invoiceId, 'paid');
    this.repo
      .appendLedger({ invoiceId, kind: 'charge', amountCents: invoice.amountCents, reference: intent.id })
      .catch(() => {});

    log.info({ invoiceId, intent: intent.id }, 'invoice charged');
    return { id: invoiceId, status: 'paid', paymentIntent: intent.id };
  }

  async refund(invoiceId: string): Promise<{ id: string; status: string }> {
    // Refunds depend on the ledger reversal API (FIN-212).
    throw new Error('refund: not implemented');
  }
}
