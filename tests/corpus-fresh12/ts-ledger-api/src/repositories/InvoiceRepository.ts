import { Service } from 'typedi';
import { getPool } from './db';

export type InvoiceStatus = 'open' | 'paid' | 'payment_failed' | 'void';

export interface Invoice {
  id: string;
  accountId: string;
  customerId: string;
  amountCents: number;
  dueDate: string;
  status: InvoiceStatus;
}

interface FindOptions {
  status?: string;
  limit: number;
}

@Service()
export class InvoiceRepository {
  async findByAccount(accountId: string, opts: FindOptions): Promise<Invoice[]> {
    const params: unknown[] = [accountId, opts.limit];
    let sql = 'SELECT * FROM invoices WHERE account_id = $1';
    if (opts.status) {
      params.push(opts.status);
      sql += ' AND status = $3';
    }
    sql += ' ORDER BY due_date DESC LIMIT $2';
    const { rows } = await getPool().query(sql, params);
    return rows.map(toInvoice);
  }

  async findOne(accountId: string, id: string): Promise<Invoice | undefined> {
    const { rows } = await getPool().query(
      'SELECT * FROM invoices WHERE account_id = $1 AND id = $2',
      [accountId, id],
    );
    return rows[0] ? toInvoice(rows[0]) : undefined;
  }

  async findOverdue(day: string): Promise<Invoice[]> {
    const { rows } = await getPool().query(
      "SELECT * FROM invoices WHERE status = 'open' AND due_date < $1",
      [day],
    );
    return rows.map(toInvoice);
  }

  async insert(inv: Invoice): Promise<void> {
    await getPool().query(
      `INSERT INTO invoices (id, account_id, customer_id, amount_cents, due_date, status)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [inv.id, inv.accountId, inv.customerId, inv.amountCents, inv.dueDate, inv.status],
    );
  }

  async updateStatus(id: string, status: InvoiceStatus, paidCents?: number): Promise<void> {
    await getPool().query(
      'UPDATE invoices SET status = $2, paid_cents = COALESCE($3, paid_cents) WHERE id = $1',
      [id, status, paidCents ?? null],
    );
  }
}

function toInvoice(row: Record<string, any>): Invoice {
  return {
    id: row.id,
    accountId: row.account_id,
    customerId: row.customer_id,
    amountCents: Number(row.amount_cents),
    dueDate: row.due_date,
    status: row.status,
  };
}
