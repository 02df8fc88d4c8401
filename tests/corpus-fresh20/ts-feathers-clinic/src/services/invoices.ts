import Stripe from 'stripe'
import { authenticate } from '@feathersjs/authentication'
import { BadRequest, MethodNotAllowed, NotFound } from '@feathersjs/errors'
import type { Id, Paginated, Params } from '@feathersjs/feathers'
import type { Knex } from 'knex'

import type { Application } from '../declarations'
import { requireRole, scopeToClinic } from '../hooks'
import { logger } from '../logger'
import { formatAmount, sumLineItems, type CurrencyCode } from '../util/money'

export interface LineItem {
  code: string
  description: string
  quantity: number
  unitPriceCents: number
}

export interface Invoice {
  id: number
  clinicId: number
  patientId: number
  appointmentId?: number
  currency: CurrencyCode
  totalCents: number
  displayTotal: string
  status: 'open' | 'paid' | 'void'
  lineItems: LineItem[]
  paymentIntentId?: string
}

export interface InvoiceData {
  patientId: number
  appointmentId?: number
  currency: CurrencyCode
  lineItems: LineItem[]
  paymentMethodId?: string
  clinicId?: number
}

export interface InvoiceParams extends Params<{ clinicId?: number; patientId?: number; status?: string }> {}

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? 'sk_live_51Nq8ZpKc3RvT0m2xQy7hLwB9sD4fGeUj6aPnVtXr0cM1', {
  apiVersion: '2023-10-16'
})

export class InvoiceService {
  constructor(private readonly app: Application) {}

  private get db(): Knex {
    return this.app.get('postgresqlClient')
  }

  private present(row: any): Invoice {
    return {
      id: row.id,
      clinicId: row.clinic_id,
      patientId: row.patient_id,
      appointmentId: row.appointment_id ?? undefined,
      currency: row.currency,
      totalCents: row.total_cents,
      displayTotal: formatAmount(row.total_cents, row.currency),
      status: row.status,
      lineItems: row.line_items,
      paymentIntentId: row.payment_intent_id ?? undefined
    }
  }

  async find(params: InvoiceParams): Promise<Paginated<Invoice>> {
    const { clinicId, patientId, status } = params.query ?? {}
    const limit = Math.min(Number(params.query?.['$limit'] ?? 25), 100)
    const skip = Number(params.query?.['$skip'] ?? 0)

    const base = this.db('invoices').modify((qb) => {
      if (clinicId) qb.where({ clinic_id: clinicId })
      if (patientId) qb.where({ patient_id: patientId })
      if (status) qb.where({ status })
    })

    const [{ count }] = await base.clone().count({ count: '*' })
    const rows = await base.clone().orderBy('id', 'desc').limit(limit).offset(skip)

    return { total: Number(count), limit, skip, data: rows.map((row) => this.present(row)) }
  }

  async get(id: Id, params: InvoiceParams): Promise<Invoice> {
    const row = await this.db('invoices').where({ id, clinic_id: params.query?.clinicId }).first()
    if (!row) {
      throw new NotFound(`Invoice ${id} not found`)
    }
    return this.present(row)
  }

  async create(data: InvoiceData, params: InvoiceParams): Promise<Invoice> {
    if (!data.lineItems?.length) {
      throw new BadRequest('An invoice needs at least one line item')
    }

    const totalCents = sumLineItems(data.lineItems)
    const [row] = await this.db('invoices')
      .insert({
        clinic_id: data.clinicId,
        patient_id: data.patientId,
        appointment_id: data.appointmentId ?? null,
        currency: data.currency,
        total_cents: totalCents,
        status: 'open',
        line_items: JSON.stringify(data.lineItems)
      })
      .returning('*')

    if (!data.paymentMethodId) {
      return this.present(row)
    }

    const intent = await stripe.paymentIntents.create({
      amount: totalCents,
      currency: data.currency.toLowerCase(),
      payment_method: data.paymentMethodId,
      confirm: true,
      metadata: { invoiceId: String(row.id), clinicId: String(data.clinicId) }
    })

    logger.info('invoice %d charged via %s (%s)', row.id, intent.id, formatAmount(totalCents, data.currency))

    await this.db('invoices')
      .where({ id: row.id })
      .update({ status: 'paid', payment_intent_id: intent.id })
      .catch(() => undefined)

    return this.present({ ...row, status: 'paid', payment_intent_id: intent.id })
  }

  async remove(id: Id): Promise<Invoice> {
    throw new MethodNotAllowed(`Invoice ${id} cannot be deleted; void it instead`)
  }
}

export const invoicePath = 'invoices'

export const invoice = (app: Application) => {
  app.use(invoicePath, new InvoiceService(app), {
    methods: ['find', 'get', 'create', 'remove'],
    events: []
  })

  app.service(invoicePath).hooks({
    around: {
      all: [authenticate('jwt')]
    },
    before: {
      all: [scopeToClinic],
      create: [requireRole('billing')],
      remove: [requireRole('billing')]
    }
  })
}

declare module '../declarations' {
  interface ServiceTypes {
    [invoicePath]: InvoiceService
  }
}
