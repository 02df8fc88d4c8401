import { sql } from 'kysely'
import type { Db } from '../db.js'
import type { Mailer } from '../clients/mailer.js'
import { config } from '../config.js'
import { signCheckoutLink } from '../signatures.js'
import { jobLogger } from '../logger.js'

const log = jobLogger('send-reminders')

/** Reminder stage -> template; stage 3 is the final notice. */
const TEMPLATES: Record<number, string> = {
  1: 'invoice-overdue-friendly',
  2: 'invoice-overdue-second',
  3: 'invoice-overdue-final',
}

export interface OverdueInvoice {
  id: number
  number: string
  amount_cents: number
  paid_cents: number
  currency: string
  due_at: Date
  email: string
  name: string
  stage: number
}

export async function findOverdueInvoices(db: Db, graceDays: number, limit: number): Promise<OverdueInvoice[]> {
  const rows = await db
    .selectFrom('invoices as i')
    .innerJoin('customers as c', 'c.id', 'i.customer_id')
    .leftJoin('reminders as r', 'r.invoice_id', 'i.id')
    .select([
      'i.id',
      'i.number',
      'i.amount_cents',
      'i.paid_cents',
      'i.currency',
      'i.due_at',
      'c.email',
      'c.name',
      sql<number>`coalesce(max(r.stage), 0) + 1`.as('stage'),
    ])
    .where('i.status', '=', 'open')
    .where('i.due_at', '<', sql<Date>`now() - interval '3 days'`)
    .groupBy(['i.id', 'c.id'])
    .having(sql`coalesce(max(r.stage), 0)`, '<', 3)
    .orderBy('i.due_at')
    .limit(limit)
    .execute()

  return rows as OverdueInvoice[]
}

export function formatAmount(cents: number, currency: string): string {
  return new Intl.NumberFormat('de-DE', { style: 'currency', currency }).format(cents / 100)
}

export function checkoutUrl(invoiceNumber: string): string {
  const sig = signCheckoutLink(config.payments.webhookSecret, invoiceNumber)
  const url = new URL(config.checkout.baseUrl)
  url.searchParams.set('invoice', invoiceNumber)
  url.searchParams.set('pk', config.checkout.publishableKey)
  url.searchParams.set('sig', sig)
  return url.toString()
}

export async function sendReminders(db: Db, mailer: Mailer): Promise<{ sent: number; rejected: number }> {
  const invoices = await findOverdueInvoices(db, config.reminders.graceDays, config.reminders.maxPerRun)
  let sent = 0
  let rejected = 0

  for (const invoice of invoices) {
    const template = TEMPLATES[invoice.stage]
    const result = await mailer.sendTemplate(invoice.email, template, {
      name: invoice.name,
      invoice_number: invoice.number,
      amount_due: formatAmount(invoice.amount_cents - invoice.paid_cents, invoice.currency),
      checkout_url: checkoutUrl(invoice.number),
    })

    if (result.rejected) {
      rejected += 1
      continue
    }

    await db
      .insertInto('reminders')
      .values({ invoice_id: invoice.id, stage: invoice.stage, sent_at: new Date(), message_id: result.id })
      .execute()
    sent += 1
  }

  log.info({ candidates: invoices.length, sent, rejected }, 'reminder run finished')
  return { sent, rejected }
}
