import type { Request, Response } from 'restify';
import { BadRequestError, UnauthorizedError } from 'restify-errors';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { verifyGithubSignature, verifyStripeSignature } from '../lib/signature';
import type { DeliveryStore } from '../lib/store';

function rawBody(req: Request): Buffer {
  const raw = (req as Request & { rawBody?: string | Buffer }).rawBody;
  return Buffer.isBuffer(raw) ? raw : Buffer.from(raw ?? '', 'utf8');
}

export function webhookHandlers(cfg: Config, store: DeliveryStore, log: Logger) {
  return {
    async github(req: Request, res: Response) {
      if (!verifyGithubSignature(cfg.githubWebhookSecret, rawBody(req), req.header('x-hub-signature-256'))) {
        throw new UnauthorizedError('signature mismatch');
      }
      const event = req.header('x-github-event') || 'unknown';
      const delivery = await store.insert('github', event, req.body);
      log.info({ id: delivery.id, event }, 'github delivery stored');
      res.send(202, { id: delivery.id });
    },

    async stripe(req: Request, res: Response) {
      if (!verifyStripeSignature(cfg.stripeWebhookSecret, rawBody(req), req.header('stripe-signature'))) {
        throw new UnauthorizedError('signature mismatch');
      }
      const event = typeof req.body?.type === 'string' ? req.body.type : 'unknown';
      const delivery = await store.insert('stripe', event, req.body);
      log.info({ id: delivery.id, event }, 'stripe delivery stored');
      res.send(202, { id: delivery.id });
    },

    async generic(req: Request, res: Response) {
      const source = req.params.source as string;
      const event = req.header('x-event-type') || 'event';
      const delivery = await store.insert(source, event, req.body);
      log.info({ id: delivery.id, source, event }, 'delivery stored');
      res.send(202, { id: delivery.id });
    },

    async genericBatch(req: Request, res: Response) {
      const source = req.params.source as string;
      const items: unknown[] = Array.isArray(req.body) ? req.body : [];
      if (items.length === 0 || items.length > 100) {
        throw new BadRequestError('expected a JSON array of 1-100 events');
      }
      const ids: string[] = [];
      for (const item of items) {
        const type = (item as { type?: unknown }).type;
        const delivery = await store.insert(source, typeof type === 'string' ? type : 'event', item);
        ids.push(delivery.id);
      }
      log.info({ source, count: ids.length }, 'batch stored');
      res.send(202, { ids });
    },
  };
}
