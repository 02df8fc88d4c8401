import test, { type ExecutionContext } from 'ava'
import type { Mailer, SendResult } from '../src/clients/mailer.js'
import { checkoutUrl, formatAmount, sendReminders, type OverdueInvoice } from '../src/jobs/send-reminders.js'
import { toCsv, previousMonth } from '../src/jobs/export-ledger.js'
import { createTestDb, seedOverdueInvoice } from './helpers/db.js'

class RecordingMailer implements Mailer {
  calls: Array<{ to: string; template: string; variables: Record<string, string | number> }> = []

  async sendTemplate(to: string, template: string, variables: Record<string, string | number>): Promise<SendResult> {
    this.calls.push({ to, template, variables })
    return { id: `msg-${this.calls.length}`, rejected: false }
  }
}

function assertReminderEmail(
  t: ExecutionContext,
  call: RecordingMailer['calls'][number],
  invoice: Pick<OverdueInvoice, 'email' | 'number'>,
  template: string
) {
  t.is(call.to, invoice.email)
  t.is(call.template, template)
  t.is(call.variables.invoice_number, invoice.number)
  t.regex(String(call.variables.checkout_url), /sig=/)
}

test('formats amounts in the invoice currency', (t) => {
  t.is(formatAmount(123456, 'EUR'), '1.234,56\u00a0€')
})

test('checkout links are signed', (t) => {
  const url = new URL(checkoutUrl('INV-2024-0042'))
  t.is(url.searchParams.get('invoice'), 'INV-2024-0042')
  t.truthy(url.searchParams.get('sig'))
})

test('previousMonth wraps around the year', (t) => {
  t.is(previousMonth(new Date('2024-01-15T00:00:00Z')), '2023-12')
})

test('ledger CSV layout is stable', (t) => {
  const csv = toCsv([
    {
      invoice_number: 'INV-2024-0001',
      customer_email: 'ap@example.com',
      currency: 'EUR',
      amount_cents: 10000,
      paid_cents: 2500,
      status: 'open',
      due_at: '2024-08-31',
    },
  ])
  t.snapshot(csv)
})

test.serial('sends a first reminder for an overdue invoice', async (t) => {
  const db = await createTestDb()
  const invoice = await seedOverdueInvoice(db, { daysOverdue: 10 })
  const mailer = new RecordingMailer()

  await sendReminders(db, mailer)

  t.is(mailer.calls.length, 1)
  assertReminderEmail(t, mailer.calls[0], invoice, 'invoice-overdue-friendly')
})

test.serial('sends reminders for every overdue invoice', async (t) => {
  const db = await createTestDb()
  await seedOverdueInvoice(db, { daysOverdue: 5 })
  await seedOverdueInvoice(db, { daysOverdue: 40 })
  const mailer = new RecordingMailer()

  const result = await sendReminders(db, mailer)

  t.log(`sent ${result.sent} reminders`)
  t.pass()
})
