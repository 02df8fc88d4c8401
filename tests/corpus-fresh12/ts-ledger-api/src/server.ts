import 'reflect-metadata';
import { createExpressServer, useContainer } from 'routing-controllers';
import { Container } from 'typedi';
import { buildAuthorizationChecker, currentUserChecker } from './auth/checkers';
import { loadConfig } from './config';
import { AdminController } from './controllers/AdminController';
import { InvoiceController } from './controllers/InvoiceController';
import { ReportsController } from './controllers/ReportsController';
import { WebhookController } from './controllers/WebhookController';
import { logger } from './logger';
import { closePool } from './repositories/db';

export function buildApp() {
  const cfg = loadConfig();
  useContainer(Container);
  return createExpressServer({
    cors: false,
    classTransformer: true,
    validation: { whitelist: true, forbidNonWhitelisted: true },
    defaultErrorHandler: true,
    authorizationChecker: buildAuthorizationChecker(cfg.jwtSecret),
    currentUserChecker,
    controllers: [InvoiceController, AdminController, ReportsController, WebhookController],
  });
}

if (require.main === module) {
  const cfg = loadConfig();
  const server = buildApp().listen(cfg.port, () => logger.info({ port: cfg.port }, 'ledger-api listening'));
  process.on('SIGTERM', () => {
    server.close(async (err?: Error) => {
      if (err) logger.error({ err }, 'error while closing http server');
      await closePool();
      process.exit(err ? 1 : 0);
    });
  });
}
