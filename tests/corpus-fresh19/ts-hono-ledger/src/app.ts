import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { secureHeaders } from 'hono/secure-headers'
import { config } from './config.js'
import { loadUser, requireJwt, type AppEnv } from './middleware/auth.js'
import { logger, requestLogger } from './middleware/logger.js'
import { accountsApp } from './routes/accounts.js'
import { adminApp } from './routes/admin.js'
import { transfersApp } from './routes/transfers.js'
import { webhooksApp } from './routes/webhooks.js'

export const app = new Hono<AppEnv>()

app.use('*', requestLogger)
app.use('*', secureHeaders())

app.get('/healthz', (c) => c.json({ status: 'ok', version: config.apiVersion }))

app.use('/v1/*', requireJwt, loadUser)
app.route('/v1/tenants/:tenantId/accounts', accountsApp)
app.route('/v1/transfers', transfersApp)

app.route('/admin', adminApp)
app.route('/webhooks', webhooksApp)

app.onError((err, c) => {
  if (err instanceof HTTPException) {
    return c.json({ error: err.message || 'error' }, err.status)
  }
  logger.error({ err, requestId: c.var.requestId }, 'unhandled error')
  return c.json({ error: 'internal_error' }, 500)
})

app.notFound((c) => c.json({ error: 'not_found' }, 404))
