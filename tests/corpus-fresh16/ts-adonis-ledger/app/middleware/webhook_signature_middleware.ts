import { createHmac } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { safeEqual } from '@adonisjs/core/helpers'
import env from '#start/env'

const TOLERANCE_SECONDS = 300

export function computeSignature(secret: string, timestamp: string, payload: string) {
  return createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex')
}

/**
 * Parses a `t=<unix>,v1=<hex>` header as sent by the payment processor.
 */
export function parseSignatureHeader(header: string) {
  const parts = Object.fromEntries(
    header
      .split(',')
      .map((part) => part.trim().split('=', 2))
      .filter((pair) => pair.length === 2)
  )
  return { timestamp: parts.t ?? '', signature: parts.v1 ?? '' }
}

export default class WebhookSignatureMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const secret = env.get('PAYMENTS_WEBHOOK_SECRET')
    const { timestamp, signature } = parseSignatureHeader(ctx.request.header('x-payments-signature', ''))

    const age = Math.abs(Date.now() / 1000 - Number(timestamp))
    if (!timestamp || Number.isNaN(age) || age > TOLERANCE_SECONDS) {
      ctx.logger.warn({ age }, 'rejecting webhook with stale timestamp')
      return ctx.response.unauthorized({ error: 'stale signature' })
    }

    const expected = computeSignature(secret, timestamp, ctx.request.raw() ?? '')
    if (!safeEqual(signature, expected)) {
      return ctx.response.unauthorized({ error: 'invalid signature' })
    }

    return next()
  }
}
