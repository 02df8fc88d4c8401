import { asc, eq } from 'drizzle-orm'
import { db } from '../db/client.js'
import { accounts, transfers, type Transfer } from '../db/schema.js'

const formatters = new Map<string, Intl.NumberFormat>()

function money(currency: string): Intl.NumberFormat {
  let f = formatters.get(currency)
  if (!f) {
    f = new Intl.NumberFormat('en-US', { style: 'currency', currency })
    formatters.set(currency, f)
  }
  return f
}

export function formatAmount(cents: number, currency: string): string {
  return money(currency).format(cents / 100)
}

abstract class StatementRenderer {
  constructor(protected readonly currency: string) {}

  abstract render(rows: Transfer[]): string

  protected amount(row: Transfer): string {
    return formatAmount(row.amountCents, this.currency)
  }
}

class CsvRenderer extends StatementRenderer {
  render(rows: Transfer[]): string {
    const lines = ['id,created_at,to_account,amount,status,memo']
    for (const r of rows) {
      const memo = (r.memo ?? '').replaceAll('"', '""')
      lines.push([r.id, r.createdAt.toISOString(), r.toAccountId, this.amount(r), r.status, `"${memo}"`].join(','))
    }
    return lines.join('\n') + '\n'
  }
}

class JsonRenderer extends StatementRenderer {
  render(rows: Transfer[]): string {
    return JSON.stringify(
      rows.map((r) => ({ ...r, amount: this.amount(r) })),
      null,
      2,
    )
  }
}

export async function exportTransactions(
  accountId: string,
  since: Date | undefined,
  format: 'csv' | 'json',
): Promise<string> {
  const account = await db.query.accounts.findFirst({ where: eq(accounts.id, accountId) })
  if (!account) throw new Error(`account ${accountId} not found`)
  const rows = await db
    .select()
    .from(transfers)
    .where(eq(transfers.fromAccountId, accountId))
    .orderBy(asc(transfers.createdAt))
  const renderer = format === 'csv' ? new CsvRenderer(account.currency) : new JsonRenderer(account.currency)
  return renderer.render(rows)
}
