import type { HttpContext } from '@adonisjs/core/http'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import Invoice from '#models/invoice'

const EXPORT_ROOT = process.env.LEDGER_EXPORT_DIR ?? '/Users/dmitri.volkov/work/ledger/exports'

type AgingRow = { bucket: string; invoices: number; total_cents: number }

function escapeCell(value: unknown) {
  const text = value === null || value === undefined ? '' : String(value)
  return /[",\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function toCsv(rows: Record<string, unknown>[], delimiter = ',') {
  if (rows.length === 0) return ''
  const headers = Object.keys(rows[0])
  const lines = rows.map((row) => headers.map((h) => escapeCell(row[h])).join(','))
  return [headers.join(','), ...lines].join('\n')
}

export default class ReportsController {
  async aging() {
    const result = await db.rawQuery<{ rows: AgingRow[] }>(
      `SELECT CASE
                WHEN now() - due_at < interval '30 days' THEN '0-30'
                WHEN now() - due_at < interval '60 days' THEN '31-60'
                WHEN now() - due_at < interval '90 days' THEN '61-90'
                ELSE '90+'
              END AS bucket,
              count(*)::int AS invoices,
              sum(amount_cents)::bigint AS total_cents
         FROM invoices
        WHERE status = 'open' AND due_at < now()
        GROUP BY 1
        ORDER BY 1`
    )
    return result.rows
  }

  async export({ request, response }: HttpContext) {
    const { from, to, delimiter } = request.only(['from', 'to', 'delimiter'])
    const invoices = await Invoice.query().whereBetween('created_at', [from, to]).orderBy('id')
    const csv = toCsv(
      invoices.map((invoice) => invoice.serialize()),
      delimiter ?? ';'
    )

    const dir = join(EXPORT_ROOT, DateTime.now().toFormat('yyyy-LL'))
    await mkdir(dir, { recursive: true })
    const file = join(dir, `invoices-${from}-${to}.csv`)
    await writeFile(file, csv, 'utf8')

    const scratch = app.tmpPath('exports', `last-${DateTime.now().toMillis()}.json`)
    await mkdir(app.tmpPath('exports'), { recursive: true })
    await writeFile(scratch, JSON.stringify({ from, to, rows: invoices.length }))

    return response.created({ file, rows: invoices.length })
  }

  async reconcile({ request }: HttpContext) {
    const { month } = request.only(['month'])
    throw new Error(`Reconciliation for ${month} is not implemented`)
  }
}
