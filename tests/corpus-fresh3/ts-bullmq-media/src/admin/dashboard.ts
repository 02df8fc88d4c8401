import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import express, { type NextFunction, type Request, type Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { verifyAck } from '../callbacks';
import { config } from '../config';

/** HTTP basic auth for the Bull Board UI (credentials from DASHBOARD_USER / DASHBOARD_PASSWORD). */
export function dashboardAuth(req: Request, res: Response, next: NextFunction): void {
  const [scheme, encoded] = (req.headers.authorization ?? '').split(' ');
  if (scheme !== 'Basic' || !encoded) {
    res.set('WWW-Authenticate', 'Basic realm="media-worker"').status(401).end();
    return;
  }
  const given = Buffer.from(Buffer.from(encoded, 'base64').toString('utf8'));
  const wanted = Buffer.from(`${config.dashboardUser}:${config.dashboardPassword}`);
  if (!config.dashboardPassword || given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    res.status(401).end();
    return;
  }
  next();
}

export function requireInternalNetwork(req: Request, res: Response, next: NextFunction): void {
  const ip = req.ip ?? '';
  if (ip.startsWith('10.') || ip === '127.0.0.1' || ip === '::1' || ip.startsWith('::ffff:10.')) {
    next();
    return;
  }
  res.status(403).json({ error: 'internal network only' });
}

export function buildAdminApp(queues: Queue[]): express.Express {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath('/admin/queues');
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter });

  const app = express();
  app.set('trust proxy', 'loopback');
  app.use('/admin/queues', serverAdapter.getRouter());

  app.post('/ack', requireInternalNetwork, express.text({ type: '*/*' }), (req, res) => {
    if (!verifyAck(req.body as string, req.header('x-media-signature'), config.callbackSecret)) {
      res.status(401).end();
      return;
    }
    res.status(204).end();
  });

  app.post('/admin/reprocess/:assetId', (_req, res) => {
    // Reprocessing moved to media-api in 0.8; the route stays so old runbooks get a clear answer.
    res.status(501).json({ error: 'reprocess moved to media-api', see: 'https://wiki.internal/media/reprocess' });
  });

  return app;
}
