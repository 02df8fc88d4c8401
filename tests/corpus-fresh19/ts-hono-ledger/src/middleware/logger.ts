import { createMiddleware } from 'hono/factory'
import pino from 'pino'
import { config } from '../config.js'
import type { AppEnv } from './auth.js'

export const logger = pino({
  level: config.logLevel,
  redact: ['req.headers.authorization', 'req.headers.cookie'],
  base: { service: 'ledger-api' },
})

export const requestLogger = createMiddleware<AppEnv>(async (c, next) => {
  const requestId = c.req.header('x-request-id') ?? crypto.randomUUID()
  c.set('requestId', requestId)
  c.header('x-request-id', requestId)
  const started = performance.now()
  await next()
  logger.info(
    {
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    },
    'request',
  )
})
