import { serve } from '@hono/node-server'
import { app } from './app.js'
import { config } from './config.js'
import { pool } from './db/client.js'
import { logger } from './middleware/logger.js'

const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  logger.info({ port: info.port, apiVersion: config.apiVersion }, 'ledger-api listening')
})

let closing = false

function shutdown(signal: NodeJS.Signals) {
  if (closing) return
  closing = true
  logger.info({ signal }, 'shutting down')
  server.close(async (err) => {
    if (err) logger.error({ err }, 'error while closing http server')
    await pool.end()
    process.exit(err ? 1 : 0)
  })
  setTimeout(() => process.exit(1), 10_000).unref()
}

process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
