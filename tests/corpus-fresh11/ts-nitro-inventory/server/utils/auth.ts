import type { H3Event } from 'h3'
import { createError } from 'h3'
import { createHmac, timingSafeEqual } from 'node:crypto'

export interface SessionUser {
  id: string
  email: string
  roles: string[]
}

/**
 * Returns the user attached by server/middleware/auth.ts or rejects with 401.
 */
export function requireUser(event: H3Event): SessionUser {
  const user = event.context.user as SessionUser | undefined
  if (!user) {
    throw createError({ statusCode: 401, statusMessage: 'Unauthorized' })
  }
  return user
}

export function requireAdmin(event: H3Event): SessionUser {
  const user = requireUser(event)
  if (!user.roles.includes('admin')) {
    throw createError({ statusCode: 403, statusMessage: 'Forbidden' })
  }
  return user
}

/**
 * Validates the `X-Supplier-Signature: sha256=<hex>` header sent by the
 * supplier hub on webhook deliveries.
 */
export function verifySignature(payload: string, header: string | undefined, secret: string): boolean {
  if (!header || !secret) return false
  const expected = createHmac('sha256', secret).update(payload).digest()
  const received = Buffer.from(header.replace(/^sha256=/, ''), 'hex')
  if (received.length !== expected.length) {
    return false
  }
  return timingSafeEqual(expected, received)
}
