import { mkdtemp, rename, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import type { Db } from '../db.js'
import { config } from '../config.js'
import { jobLogger } from '../logger.js'

const log = jobLogger('export-ledger')

export interface LedgerRow {
  invoice_number: string
  customer_email: string
  currency: string
  amount_cents: number
  paid_cents: number
  status: string
  due_at: string
}

export function previousMonth(now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
  return d.toISOString().slice(0, 7)
}

export function toCsv(rows: LedgerRow[]): string {
  const header = 'invoice_number,customer_email,currency,amount_cents,paid_cents,status,due_at'
  const lines = rows.map((r) =>
    [r.invoice_number, r.customer_email, r.currency, r.amount_cents, r.paid_cents, r.status, r.due_at].join(',')
  )
  return [header, ...lines].join('\n') + '\n'
}

export async function loadLedger(db: Db, month: string): Promise<LedgerRow[]> {
  const rows = await db
    .selectFrom('invoices as i')
    .innerJoin('customers as c', 'c.id', 'i.customer_id')
    .select([
      'i.number as invoice_number',
      'c.email as customer_email',
      'i.currency',
      'i.amount_cents',
      'i.paid_cents',
      'i.status',
      sql<string>`to_char(i.due_at, 'YYYY-MM-DD')`.as('due_at'),
    ])
    .where(sql`to_char(i.created_at, 'YYYY-MM')`, '=', month)
    .orderBy('i.number')
    .execute()
  return rows
}

/**
 * Writes `ledger-<month>.csv` atomically: the file is staged in a temp
 * directory and renamed into place once complete.
 */
export async function exportLedger(db: Db, month: string, outDir: string): Promise<string> {
  const rows = await loadLedger(db, month)
  const staging = await mkdtemp(join(tmpdir(), 'ledger-'))
  const stagedFile = join(staging, `ledger-${month}.csv`)
  await writeFile(stagedFile, toCsv(rows), 'utf8')

  await mkdir(config.ledgerExportDir, { recursive: true })
  const target = join(config.ledgerExportDir, `ledger-${month}.csv`)
  await rename(stagedFile, target)

  log.info({ month, rows: rows.length, target }, 'ledger exported')
  return target
}
