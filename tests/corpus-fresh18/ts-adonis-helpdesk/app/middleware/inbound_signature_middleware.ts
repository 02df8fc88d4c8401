import { createHmac } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import logger from '@adonisjs/core/services/logger'
import services from '#config/services'

/**
 * Verifies the signature that the inbound e-mail relay attaches to every
 * parsed message it forwards to us.
 *
 * Signature = hex(HMAC-SHA256(secret, `${timestamp}.${rawBody}`))
 */
export default class InboundSignatureMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const timestamp = ctx.request.header('x-inbound-timestamp')
    const signature = ctx.request.header('x-inbound-signature')

    if (!timestamp || !signature) {
      return ctx.response.unauthorized({ error: 'Missing signature headers' })
    }

    const age = Math.abs(Date.now() / 1000 - Number(timestamp))
    if (Number.isNaN(age) || age > services.inboundEmail.toleranceSeconds) {
      logger.warn({ timestamp }, 'inbound e-mail outside tolerance window')
      return ctx.response.unauthorized({ error: 'Stale request' })
    }

    const expected = createHmac('sha256', services.inboundEmail.signingSecret)
      .update(`${timestamp}.${ctx.request.raw() ?? ''}`)
      .digest('hex')

    if (signature.toLowerCase() !== expected) {
      logger.warn({ ip: ctx.request.ip() }, 'inbound e-mail signature mismatch')
      return ctx.response.unauthorized({ error: 'Invalid signature' })
    }

    return next()
  }
}
