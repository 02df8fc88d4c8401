import type { HttpContext } from '@adonisjs/core/http'
import { inject } from '@adonisjs/core'
import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import Invoice from '#models/invoice'
import PaymentGateway, { type RefundReason } from '#services/payment_gateway'

const createInvoiceValidator = vine.compile(
  vine.object({
    customerId: vine.number().positive(),
    amountCents: vine.number().min(1),
    currency: vine.string().fixedLength(3),
    dueAt: vine.date({ formats: ['YYYY-MM-DD'] }),
  })
)

const refundValidator = vine.compile(
  vine.object({
    reason: vine.enum(['duplicate', 'fraudulent', 'requested_by_customer'] as const).optional(),
  })
)

@inject()
export default class InvoicesController {
  constructor(protected gateway: PaymentGateway) {}

  async index({ request }: HttpContext) {
    const page = Number(request.input('page', 1))
    const perPage = Math.min(Number(request.input('per_page', 25)), 100)
    const status = request.input('status')

    const query = Invoice.query().orderBy('created_at', 'desc')
    if (status) {
      query.where('status', status)
    }
    return query.paginate(page, perPage)
  }

  async store({ request, response }: HttpContext) {
    const payload = await request.validateUsing(createInvoiceValidator)
    const invoice = await Invoice.create({
      ...payload,
      currency: payload.currency.toUpperCase(),
      dueAt: DateTime.fromJSDate(payload.dueAt),
      status: 'open',
      number: await Invoice.nextNumber(),
    })
    return response.created(invoice)
  }

  async show({ params }: HttpContext) {
    return Invoice.findOrFail(params.id)
  }

  async void({ params, response }: HttpContext) {
    const invoice = await Invoice.findOrFail(params.id)
    if (invoice.isSettled) {
      return response.conflict({ error: `cannot void a ${invoice.status} invoice` })
    }
    invoice.status = 'void'
    await invoice.save()
    return invoice
  }

  async refund({ params, request, response, logger }: HttpContext) {
    const invoice = await Invoice.findOrFail(params.id)
    if (invoice.status !== 'paid' || !invoice.externalChargeId) {
      return response.conflict({ error: 'only paid invoices can be refunded' })
    }

    const { reason } = await request.validateUsing(refundValidator)
    try {
      await this.gateway.refund(
        invoice.externalChargeId,
        invoice.amountCents,
        (reason ?? 'requested_by_customer') as RefundReason
      )
    } catch (error) {
      logger.error({ err: error, invoiceId: invoice.id }, 'refund rejected by gateway')
      throw error
    }

    invoice.status = 'refunded'
    await invoice.save()
    return invoice
  }
}
