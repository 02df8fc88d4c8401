import * as restify from 'restify';
import type { Pool } from 'pg';
import type { Config } from './config';
import type { Logger } from './logger';
import { requireAdmin, requireIngestToken } from './auth';
import { DeliveryStore } from './lib/store';
import { adminHandlers } from './routes/admin';
import { webhookHandlers } from './routes/webhooks';

export function createServer(cfg: Config, pool: Pool, log: Logger): restify.Server {
  const server = restify.createServer({ name: 'hookrelay', version: '1.4.2' });

  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 1024 * 1024 }));
  server.on('after', (req: restify.Request, res: restify.Response) => {
    log.info({ method: req.method, url: req.url, status: res.statusCode }, 'request completed');
  });
  server.on('restifyError', (req: restify.Request, _res: restify.Response, err: Error, cb: () => void) => {
    log.warn({ err, url: req.url }, 'request failed');
    return cb();
  });

  const store = new DeliveryStore(pool, cfg.archiveDir);
  const hooks = webhookHandlers(cfg, store, log);
  const admin = adminHandlers(cfg, store, log);
  const adminOnly = requireAdmin(cfg);
  const ingest = requireIngestToken(pool);

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { ok: true });
    return next();
  });

  server.post('/hooks/github', hooks.github);
  server.post('/hooks/stripe', hooks.stripe);
  server.post('/hooks/:source', ingest, hooks.generic);
  server.post('/hooks/:source/batch', hooks.genericBatch);

  server.get('/admin/deliveries', adminOnly, admin.list);
  server.get('/admin/deliveries/:id', adminOnly, admin.show);
  server.post('/admin/deliveries/:id/replay', adminOnly, admin.replay);
  server.del('/admin/deliveries/:id', admin.remove);
  server.get('/admin/export.csv', adminOnly, admin.exportCsv);

  return server;
}
