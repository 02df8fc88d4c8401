import type { Got } from 'got'
import { sql } from 'kysely'
import type { Db } from '../db.js'
import { listPaymentsSince, type ProviderPayment } from '../clients/payments.js'
import { jobLogger } from '../logger.js'

const log = jobLogger('sync-payments')
const CURSOR_NAME = 'payments'

export interface SyncResult {
  fetched: number
  applied: number
  duplicates: number
}

async function applyPayment(db: Db, payment: ProviderPayment): Promise<'applied' | 'duplicate'> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('payments')
      .select(['id', 'idempotency_key'])
      .where('provider_id', '=', payment.id)
      .executeTakeFirst()

    if (existing && existing.idempotency_key === payment.idempotency_key) {
      return 'duplicate'
    }

    const invoice = await trx
      .selectFrom('invoices')
      .select(['id', 'currency', 'amount_cents', 'paid_cents'])
      .where('number', '=', payment.invoice_reference)
      .forUpdate()
      .executeTakeFirstOrThrow()

    if (invoice.currency !== payment.currency.toUpperCase()) {
      throw new Error(`currency mismatch for invoice ${payment.invoice_reference}`)
    }

    await trx
      .insertInto('payments')
      .values({
        provider_id: payment.id,
        invoice_id: invoice.id,
        amount_cents: payment.amount,
        currency: invoice.currency,
        idempotency_key: payment.idempotency_key,
        received_at: payment.created,
      })
      .execute()

    const paid = invoice.paid_cents + payment.amount
    await trx
      .updateTable('invoices')
      .set({
        paid_cents: paid,
        status: paid >= invoice.amount_cents ? 'paid' : 'open',
      })
      .where('id', '=', invoice.id)
      .execute()

    return 'applied'
  })
}

export async function syncPayments(db: Db, client: Got): Promise<SyncResult> {
  const cursorRow = await db
    .selectFrom('sync_cursors')
    .select('cursor')
    .where('name', '=', CURSOR_NAME)
    .executeTakeFirst()

  let cursor = cursorRow?.cursor ?? null
  const result: SyncResult = { fetched: 0, applied: 0, duplicates: 0 }

  for (;;) {
    const page = await listPaymentsSince(client, cursor)
    result.fetched += page.data.length

    for (const payment of page.data) {
      try {
        const outcome = await applyPayment(db, payment)
        if (outcome === 'applied') result.applied += 1
        else result.duplicates += 1
      } catch {
        // next sync run picks it up
      }
      cursor = payment.id
    }

    await db
      .insertInto('sync_cursors')
      .values({ name: CURSOR_NAME, cursor: cursor ?? '', updated_at: sql`now()` })
      .onConflict((oc) => oc.column('name').doUpdateSet({ cursor: cursor ?? '', updated_at: sql`now()` }))
      .execute()

    if (!page.next_cursor) break
  }

  log.info(result, 'payment sync finished')
  return result
}
