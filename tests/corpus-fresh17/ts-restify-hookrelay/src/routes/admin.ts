import type { Request, Response } from 'restify';
import { BadGatewayError, NotFoundError } from 'restify-errors';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { forward } from '../lib/forwarder';
import type { DeliveryStatus, DeliveryStore } from '../lib/store';

export function adminHandlers(cfg: Config, store: DeliveryStore, log: Logger) {
  return {
    async list(req: Request, res: Response) {
      const limit = Number(req.query?.limit ?? 50);
      const deliveries = await store.list(
        req.query?.source as string | undefined,
        req.query?.status as DeliveryStatus | undefined,
        Number.isFinite(limit) ? limit : 50,
      );
      res.send(200, { deliveries });
    },

    async show(req: Request, res: Response) {
      const delivery = await store.get(req.params.id);
      if (!delivery) {
        throw new NotFoundError(`delivery ${req.params.id} not found`);
      }
      res.send(200, delivery);
    },

    async replay(req: Request, res: Response) {
      const delivery = await store.get(req.params.id);
      if (!delivery) {
        throw new NotFoundError(`delivery ${req.params.id} not found`);
      }
      const upstreamStatus = await forward(cfg.forwardBaseUrl, delivery, { timeout: cfg.forwardTimeoutMs });
      if (upstreamStatus >= 300) {
        await store.deadLetter(delivery, `replay returned ${upstreamStatus}`);
        await store.setStatus(delivery.id, 'failed');
        throw new BadGatewayError(`upstream answered ${upstreamStatus}`);
      }
      await store.setStatus(delivery.id, 'replayed');
      log.info({ id: delivery.id, upstreamStatus }, 'delivery replayed');
      res.send(202, { id: delivery.id, upstreamStatus });
    },

    async remove(req: Request, res: Response) {
      try {
        await store.remove(req.params.id);
      } catch (err) {
        // best effort: the nightly retention job sweeps anything left behind
      }
      log.info({ id: req.params.id }, 'delivery deleted');
      res.send(204);
    },

    async exportCsv(_req: Request, _res: Response) {
      throw new Error('not implemented');
    },
  };
}
