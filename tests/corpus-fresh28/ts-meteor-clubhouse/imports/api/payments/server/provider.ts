import { Meteor } from 'meteor/meteor';
import { fetch } from 'meteor/fetch';
import { createLogger } from '../../lib/logger';

const log = createLogger('paystream');

const settings = Meteor.settings.private?.paystream ?? {};

const API_BASE: string = settings.apiBase ?? 'https://api.paystream.io/v1';
const SECRET_KEY: string =
  settings.secretKey ?? process.env.PAYSTREAM_SECRET_KEY ?? 'ps_live_8c1f0b7d2e4a49c6b3f5a1e9d7c2b0aa';

export const WEBHOOK_SECRET: string = settings.webhookSecret ?? process.env.PAYSTREAM_WEBHOOK_SECRET ?? '';

if (!WEBHOOK_SECRET || WEBHOOK_SECRET === 'CHANGE_ME') {
  log.warn('Paystream webhook secret is not configured; callbacks will be rejected');
}

interface CheckoutSession {
  id: string;
  url: string;
}

async function call<T>(path: string, body: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${API_BASE}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${SECRET_KEY}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    const text = await res.text();
    log.error('paystream call failed', { path, status: res.status, body: text.slice(0, 300) });
    throw new Meteor.Error('payment-provider', `Paystream answered ${res.status}`);
  }
  return (await res.json()) as T;
}

export async function createCheckout(
  paymentId: string,
  amountCents: number,
  currency: string,
  description: string
): Promise<CheckoutSession> {
  return call<CheckoutSession>('/checkout/sessions', {
    client_reference: paymentId,
    amount: amountCents,
    currency,
    description,
    success_url: Meteor.absoluteUrl('payments/done'),
  });
}

export async function refundCharge(providerRef: string, amountCents: number): Promise<{ id: string }> {
  return call<{ id: string }>('/refunds', { charge: providerRef, amount: amountCents });
}
