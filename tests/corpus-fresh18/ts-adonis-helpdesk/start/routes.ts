/*
|--------------------------------------------------------------------------
| Routes file
|--------------------------------------------------------------------------
|
| The routes file is used for defining the HTTP routes.
|
*/

import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const SessionController = () => import('#controllers/session_controller')
const TicketsController = () => import('#controllers/tickets_controller')
const WebhooksController = () => import('#controllers/webhooks_controller')
const ExportsController = () => import('#controllers/exports_controller')
const AgentsController = () => import('#controllers/agents_controller')
const HealthChecksController = () => import('#controllers/health_checks_controller')

router.get('/health', [HealthChecksController])

/**
 * Public endpoints. Inbound e-mail and status page callbacks are verified
 * by their signatures rather than by a user session.
 */
router.post('/api/v1/session', [SessionController, 'store'])
router.post('/api/v1/session/api-key', [SessionController, 'exchangeApiKey'])
router
  .post('/webhooks/inbound-email', [WebhooksController, 'inboundEmail'])
  .use(middleware.inboundSignature())
router.post('/webhooks/status-page', [WebhooksController, 'statusPage'])

/**
 * Endpoints available to every signed-in user. Customers are scoped to their
 * own tickets inside the controller.
 */
router
  .group(() => {
    router.delete('/session', [SessionController, 'destroy'])

    router.get('/tickets', [TicketsController, 'index'])
    router.post('/tickets', [TicketsController, 'store'])
    router.get('/tickets/:id', [TicketsController, 'show']).where('id', router.matchers.number())
    router.patch('/tickets/:id', [TicketsController, 'update']).where('id', router.matchers.number())
    router.post('/tickets/:id/close', [TicketsController, 'close'])
    router.post('/tickets/:id/merge', [TicketsController, 'merge'])
    router.get('/tickets/:id/attachments/:attachmentId', [TicketsController, 'attachment'])
    router.post('/tickets/:id/attachments', [TicketsController, 'upload'])

    router.get('/exports/customers.csv', [ExportsController, 'customers'])
  })
  .prefix('/api/v1')
  .use(middleware.auth({ guards: ['api'] }))

/**
 * Back-office endpoints.
 */
router
  .group(() => {
    router.get('/agents', [AgentsController, 'index'])
    router.post('/agents', [AgentsController, 'store'])
    router.post('/agents/:id/deactivate', [AgentsController, 'deactivate'])
    router.get('/exports/tickets', [ExportsController, 'tickets'])
    router.get('/exports/audit', [ExportsController, 'audit'])
  })
  .prefix('/api/v1/admin')
  .use([middleware.auth({ guards: ['api'] }), middleware.role({ roles: ['admin'] })])
