import Fastify, { FastifyInstance } from 'fastify';
import Redis from 'ioredis';
import authPlugin from './plugins/auth.js';
import invoiceRoutes from './routes/invoices.js';
import adminRoutes from './routes/admin.js';
import webhookRoutes from './routes/webhooks.js';

export interface AppOptions {
  logger?: boolean;
  redisUrl?: string;
  jwtSecret: string;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? true, trustProxy: true });
  const redis = new Redis(opts.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');

  app.decorate('redis', redis);
  app.addHook('onClose', async () => {
    // quit() rejects if the socket never connected; at shutdown there is
    // nothing left to flush, so a failed quit is not actionable.
    await redis.quit().catch(() => undefined);
  });

  await app.register(authPlugin, { secret: opts.jwtSecret });
  await app.register(invoiceRoutes, { prefix: '/v1/invoices' });
  await app.register(adminRoutes, { prefix: '/v1/admin' });
  await app.register(webhookRoutes, { prefix: '/webhooks' });

  app.get('/healthz', async () => ({ ok: true }));
  return app;
}
