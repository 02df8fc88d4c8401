import { defineEventHandler, getHeader } from 'h3'
import { findSessionByToken } from '../utils/sessions'

/**
 * Resolves the caller from the bearer token and stores it on
 * event.context.user. Rejection happens in the handlers via requireUser /
 * requireAdmin so that public routes keep working.
 */
export default defineEventHandler(async (event) => {
  const header = getHeader(event, 'authorization')
  if (!header?.startsWith('Bearer ')) {
    return
  }
  const token = header.slice('Bearer '.length).trim()
  const config = useRuntimeConfig(event)

  // Internal cron jobs authenticate with the shared service token.
  if (config.serviceToken && token === config.serviceToken) {
    event.context.user = { id: 'svc-cron', email: 'cron@inventory.internal', roles: ['admin', 'service'] }
    return
  }

  const session = await findSessionByToken(token)
  if (session && session.expiresAt > new Date()) {
    event.context.user = session.user
  }
})
