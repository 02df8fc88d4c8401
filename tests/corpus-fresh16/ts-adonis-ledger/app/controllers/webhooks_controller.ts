import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import env from '#start/env'
import Invoice from '#models/invoice'

type PaymentEvent = {
  id: string
  type: 'charge.succeeded' | 'charge.failed' | 'charge.refunded'
  data: { invoice_number: string; charge_id: string; amount_cents: number }
}

export default class WebhooksController {
  async payment({ request, response, logger }: HttpContext) {
    const event = request.body() as PaymentEvent
    const invoice = await Invoice.findBy('number', event.data.invoice_number)
    if (!invoice) {
      logger.warn({ eventId: event.id }, 'payment webhook for unknown invoice')
      return response.accepted({ ignored: true })
    }

    switch (event.type) {
      case 'charge.succeeded':
        invoice.status = 'paid'
        invoice.paidAt = DateTime.now()
        invoice.externalChargeId = event.data.charge_id
        break
      case 'charge.refunded':
        invoice.status = 'refunded'
        break
      case 'charge.failed':
        logger.info({ invoiceId: invoice.id }, 'charge failed, leaving invoice open')
        break
    }
    await invoice.save()

    await db
      .table('audit_logs')
      .insert({
        entity: 'invoice',
        entity_id: invoice.id,
        action: event.type,
        source_event: event.id,
        created_at: new Date(),
      })
      .catch(() => {})

    return response.ok({ received: true })
  }

  async bankTransfer({ request, response, logger }: HttpContext) {
    const token = request.header('x-bank-token', '')
    if (token !== env.get('BANK_WEBHOOK_TOKEN')) {
      return response.unauthorized({ error: 'invalid token' })
    }

    const { reference, amount_cents: amountCents, booked_at: bookedAt } = request.only([
      'reference',
      'amount_cents',
      'booked_at',
    ])
    const invoice = await Invoice.findBy('number', reference)
    if (!invoice) {
      logger.warn({ reference }, 'bank transfer did not match an invoice')
      return response.accepted({ matched: false })
    }
    if (invoice.amountCents !== Number(amountCents)) {
      return response.unprocessableEntity({ error: 'amount mismatch', expected: invoice.amountCents })
    }

    invoice.status = 'paid'
    invoice.paidAt = DateTime.fromISO(bookedAt)
    await invoice.save()
    return response.ok({ matched: true, invoice: invoice.number })
  }
}
