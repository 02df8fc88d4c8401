import Hapi from '@hapi/hapi';
import { Pool } from 'pg';
import { registerApiKeyAuth } from './auth/apiKey';
import { loadConfig, type AppConfig } from './config';
import { invoiceRoutes } from './routes/invoices';
import { BillingService } from './services/billing';
import { InvoiceRepo } from './services/repo';
import { stripeWebhookRoute } from './webhooks/stripe';

export async function createServer(config: AppConfig = loadConfig()): Promise<Hapi.Server> {
  const server = Hapi.server({
    port: config.port,
    host: config.host,
    routes: { cors: false, response: { emptyStatusCode: 204 } },
  });

  const pool = new Pool({ connectionString: config.databaseUrl, max: 10 });
  const repo = new InvoiceRepo(pool);

  registerApiKeyAuth(server, config.apiKeys);
  server.route(invoiceRoutes(repo, new BillingService(repo)));
  server.route(stripeWebhookRoute(repo, config.stripeWebhookSecret));

  server.events.on('stop', () => {
    pool.end().catch((err: Error) => console.error('pg pool shutdown failed', err));
  });

  return server;
}

if (require.main === module) {
  createServer()
    .then(async (server) => {
      await server.start();
      console.log(`invoice-service listening on ${server.info.uri}`);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
