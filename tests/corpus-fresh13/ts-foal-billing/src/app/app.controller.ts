import { controller, IAppController } from '@foal/core';
import { createConnection } from 'typeorm';

import { AdminController } from './controllers/admin.controller';
import { InvoicesController } from './controllers/invoices.controller';
import { WebhooksController } from './controllers/webhooks.controller';

export class AppController implements IAppController {
  subControllers = [
    controller('/api/invoices', InvoicesController),
    controller('/api/admin', AdminController),
    controller('/webhooks', WebhooksController),
  ];

  async init() {
    await createConnection();
  }
}
