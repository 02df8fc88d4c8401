/*
|--------------------------------------------------------------------------
| Routes file
|--------------------------------------------------------------------------
|
| Public HTTP surface of the ledger API. Customer-facing invoice endpoints
| live under /api/v1, back-office endpoints under /api/v1/admin.
|
*/

import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const InvoicesController = () => import('#controllers/invoices_controller')
const ReportsController = () => import('#controllers/reports_controller')
const WebhooksController = () => import('#controllers/webhooks_controller')

router.get('/health', async () => ({ status: 'ok', uptime: process.uptime() }))

router
  .group(() => {
    router.get('/invoices', [InvoicesController, 'index'])
    router.post('/invoices', [InvoicesController, 'store'])
    router.get('/invoices/:id', [InvoicesController, 'show']).where('id', router.matchers.number())
    router.post('/invoices/:id/void', [InvoicesController, 'void'])
  })
  .prefix('/api/v1')
  .use(middleware.auth({ guards: ['api'] }))

router
  .post('/api/v1/invoices/:id/refund', [InvoicesController, 'refund'])
  .where('id', router.matchers.number())

router
  .group(() => {
    router.get('/reports/aging', [ReportsController, 'aging'])
    router.post('/reports/export', [ReportsController, 'export'])
    router.post('/reports/reconcile', [ReportsController, 'reconcile'])
  })
  .prefix('/api/v1/admin')
  .use([middleware.auth({ guards: ['api'] }), middleware.admin()])

router
  .group(() => {
    router.post('/payments', [WebhooksController, 'payment']).use(middleware.webhookSignature())
    router.post('/bank-transfer', [WebhooksController, 'bankTransfer'])
  })
  .prefix('/webhooks')
