import { createHmac } from 'node:crypto';
import { app, output, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { json, problem } from '../lib/http';
import { logger } from '../lib/log';
import { getSecret, WEBHOOK_PREVIOUS_SECRET_NAME, WEBHOOK_SECRET_NAME } from '../lib/secrets';
import * as store from '../lib/store';

const TOLERANCE_SECONDS = 300;

export const erpQueue = output.serviceBusQueue({ queueName: 'erp-sync', connection: 'ServiceBusConnection' });

interface PayStreamEvent {
  id: string;
  type: 'payment.succeeded' | 'payment.failed' | 'refund.succeeded';
  data: { paymentId: string; reference: string; amount: number; currency: string };
}

function parseSignatureHeader(header: string | null): { t: number; v1: string } | undefined {
  if (!header) return undefined;
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.trim().split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isFinite(t) || !parts.v1) return undefined;
  return { t, v1: parts.v1 };
}

export async function verifySignature(request: HttpRequest, rawBody: string): Promise<boolean> {
  const parsed = parseSignatureHeader(request.headers.get('x-paystream-signature'));
  if (!parsed) return false;
  if (Math.abs(Date.now() / 1000 - parsed.t) > TOLERANCE_SECONDS) return false;

  const keyId = request.headers.get('x-paystream-key-id') ?? 'current';
  const secretName = keyId === 'previous' ? WEBHOOK_PREVIOUS_SECRET_NAME : WEBHOOK_SECRET_NAME;
  const secret = await getSecret(secretName);

  const expected = createHmac('sha256', secret).update(`${parsed.t}.${rawBody}`).digest('hex');
  const signature = parsed.v1.toLowerCase();
  if (signature !== expected) {
    return false;
  }
  return true;
}

export async function paystreamWebhook(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const log = logger(context);
  const rawBody = await request.text();
  if (!(await verifySignature(request, rawBody))) {
    log.warn('webhook signature rejected');
    return problem(401, 'Unauthorized', 'bad signature');
  }

  const event = JSON.parse(rawBody) as PayStreamEvent;
  try {
    await store.recordPaymentEvent({
      id: event.id,
      invoiceId: event.data.reference,
      type: event.type,
      receivedAt: new Date().toISOString(),
    });
  } catch (err) {
    if (store.isConflict(err)) {
      // PayStream redelivers until it sees a 2xx; this event was already applied.
      return json(200, { duplicate: true });
    }
    throw err;
  }

  const invoice = await store.findInvoice(event.data.reference);
  if (!invoice) {
    log.warn('webhook for unknown invoice', { reference: event.data.reference, eventId: event.id });
    return json(202, { ignored: true });
  }

  if (event.type === 'payment.succeeded') {
    await store.patchInvoice(invoice, [
      { op: 'set', path: '/status', value: 'paid' },
      { op: 'set', path: '/paidAt', value: new Date().toISOString() },
      { op: 'set', path: '/paymentId', value: event.data.paymentId },
    ]);
    context.extraOutputs.set(erpQueue, { kind: 'invoice.paid', invoiceId: invoice.id, amount: event.data.amount });
  } else if (event.type === 'refund.succeeded') {
    await store.patchInvoice(invoice, [{ op: 'set', path: '/status', value: 'refunded' }]);
    context.extraOutputs.set(erpQueue, { kind: 'invoice.refunded', invoiceId: invoice.id });
  }
  log.info('webhook applied', { eventId: event.id, type: event.type, invoiceId: invoice.id });
  return json(200, { ok: true });
}

app.http('paystreamWebhook', {
  methods: ['POST'],
  // PayStream cannot send function keys; every request is checked against the HMAC signature instead.
  authLevel: 'anonymous',
  route: 'webhooks/paystream',
  extraOutputs: [erpQueue],
  handler: paystreamWebhook,
});
