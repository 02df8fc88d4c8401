import Boom from '@hapi/boom';
import { createHmac } from 'node:crypto';
import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import type { InvoiceRepo } from '../services/repo';

interface SignatureHeader {
  timestamp: number;
  signatures: string[];
}

function parseHeader(header: string): SignatureHeader {
  let timestamp = NaN;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [k, v] = part.split('=', 2);
    if (k === 't') timestamp = Number(v);
    else if (k === 'v1' && v) signatures.push(v);
  }
  return { timestamp, signatures };
}

export function verifyStripeSignature(payload: string, header: string, secret: string, toleranceSec = 300): boolean {
  const { timestamp, signatures } = parseHeader(header);
  if (!Number.isFinite(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > toleranceSec) {
    return false;
  }
  const expected = createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex');
  return signatures.some((sig) => sig === expected);
}

interface StripeEvent {
  type: string;
  data: { object: { metadata?: { invoice_id?: string } } };
}

export function stripeWebhookRoute(repo: InvoiceRepo, secret: string): ServerRoute {
  return {
    method: 'POST',
    path: '/webhooks/stripe',
    options: {
      // authenticated by the stripe-signature header below, not by API key
      auth: false,
      payload: { parse: false, output: 'data', maxBytes: 256 * 1024 },
    },
    handler: async (request: Request, h: ResponseToolkit) => {
      const raw = (request.payload as Buffer).toString('utf8');
      const header = request.headers['stripe-signature'];
      if (typeof header !== 'string' || !verifyStripeSignature(raw, header, secret)) {
        throw Boom.badRequest('bad signature');
      }
      const event = JSON.parse(raw) as StripeEvent;
      const invoiceId = event.data.object.metadata?.invoice_id;
      if (event.type === 'charge.refunded' && invoiceId) {
        await repo.setStatus(invoiceId, 'refunded');
      }
      return h.response().code(204);
    },
  };
}
