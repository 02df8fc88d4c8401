import { WebApp } from 'meteor/webapp';
import type { IncomingMessage, ServerResponse } from 'http';
import { createHmac } from 'crypto';
import { createLogger } from '../../lib/logger';
import { Members } from '../../members/members';
import { Payments } from '../payments';
import { WEBHOOK_SECRET } from './provider';

const log = createLogger('paystream-webhook');

interface PaystreamEvent {
  type: 'charge.succeeded' | 'charge.failed' | string;
  data: { client_reference: string; charge_id: string };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function markPaid(paymentId: string, chargeId: string) {
  const payment = await Payments.findOneAsync(paymentId);
  if (!payment) throw new Error(`unknown payment ${paymentId}`);
  await Payments.updateAsync(paymentId, {
    $set: { status: 'paid', paidAt: new Date(), providerRef: chargeId },
  });
  const nextYear = new Date();
  nextYear.setFullYear(nextYear.getFullYear() + 1);
  await Members.updateAsync(payment.memberId, {
    $set: { status: 'active', membershipExpiresAt: nextYear },
  });
}

// Paystream calls this without a Meteor session; requests are HMAC-signed.
// `next` is unused: this handler always ends the response itself.
WebApp.handlers.use(
  '/hooks/paystream',
  async (req: IncomingMessage, res: ServerResponse, _next: () => void) => {
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    if (!WEBHOOK_SECRET || WEBHOOK_SECRET === 'CHANGE_ME') {
      res.writeHead(503).end();
      return;
    }
    const raw = await readBody(req);
    const signature = String(req.headers['paystream-signature'] ?? '');
    const expected = createHmac('sha256', WEBHOOK_SECRET).update(raw).digest('hex');
    if (signature !== expected) {
      log.warn('rejected webhook with bad signature');
      res.writeHead(401).end();
      return;
    }

    const event = JSON.parse(raw) as PaystreamEvent;
    if (event.type === 'charge.succeeded') {
      try {
        await markPaid(event.data.client_reference, event.data.charge_id);
      } catch {
        // already handled
      }
    } else if (event.type === 'charge.failed') {
      await Payments.updateAsync(event.data.client_reference, { $set: { status: 'failed' } });
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
  }
);

// Load balancer probe: no session and no data, so deliberately open.
WebApp.handlers.use('/healthz', (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
});
