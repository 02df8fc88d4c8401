import type { APIGatewayEvent, Context } from 'aws-lambda'

import { verifyEvent, WebhookVerificationError } from '@redwoodjs/api/webhooks'

import { db } from 'src/lib/db'
import { logger } from 'src/lib/logger'

const webhookSecret =
  process.env.BILLING_WEBHOOK_SECRET ?? 'whsec_5bQ2xVt9LmR4kZ8pN1sW7yD3fH6jC0aEuG2r'

interface SubscriptionEvent {
  id: string
  type: 'subscription.activated' | 'subscription.past_due' | 'subscription.canceled'
  data: { customerEmail: string; plan: string; seats: number }
}

const SEAT_LIMITS: Record<string, number> = { starter: 3, team: 15, business: 100 }

/**
 * Billing provider webhook. Updates the organisation's plan and seat count.
 */
export const handler = async (event: APIGatewayEvent, _context: Context) => {
  const webhookLogger = logger.child({ webhook: 'billing' })

  try {
    verifyEvent('sha256Verifier', {
      event,
      secret: webhookSecret,
      options: { signatureHeader: 'X-Billing-Signature' },
    })

    const payload: SubscriptionEvent = JSON.parse(event.body ?? '{}')
    webhookLogger.info({ eventId: payload.id, type: payload.type }, 'billing event')

    const seats = Math.min(payload.data.seats, SEAT_LIMITS[payload.data.plan] ?? 1)
    const active = payload.type !== 'subscription.canceled'

    await db.subscription.upsert({
      where: { billingEmail: payload.data.customerEmail },
      update: { plan: payload.data.plan, seats, active, lastEventId: payload.id },
      create: {
        billingEmail: payload.data.customerEmail,
        plan: payload.data.plan,
        seats,
        active,
        lastEventId: payload.id,
      },
    })

    return {
      statusCode: 200,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ received: true }),
    }
  } catch (error) {
    if (error instanceof WebhookVerificationError) {
      webhookLogger.warn('rejected billing webhook with invalid signature')
      return { statusCode: 401, body: JSON.stringify({ error: 'invalid signature' }) }
    }
    webhookLogger.error({ error }, 'billing webhook processing failed')
    // non-2xx makes the provider retry with backoff
    return { statusCode: 500, body: JSON.stringify({ error: 'processing failed' }) }
  }
}
