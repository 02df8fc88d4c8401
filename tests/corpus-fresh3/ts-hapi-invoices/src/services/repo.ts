import type { Pool } from 'pg';

export type InvoiceStatus = 'open' | 'paid' | 'void' | 'refunded';

export interface Invoice {
  id: string;
  customerId: string;
  amountCents: number;
  currency: string;
  status: InvoiceStatus;
}

export interface ListOptions {
  customerId?: string;
  limit: number;
}

export interface LedgerEntry {
  invoiceId: string;
  kind: 'charge' | 'refund';
  amountCents: number;
  reference: string;
}

const COLUMNS = 'id, customer_id as "customerId", amount_cents as "amountCents", currency, status';

export class InvoiceRepo {
  constructor(private readonly pool: Pool) {}

  async list(opts: ListOptions): Promise<Invoice[]> {
    const params: unknown[] = [];
    let sql = `select ${COLUMNS} from invoices`;
    if (opts.customerId) {
      params.push(opts.customerId);
      sql += ` where customer_id = $${params.length}`;
    }
    params.push(opts.limit);
    sql += ` order by created_at desc limit $${params.length}`;
    const { rows } = await this.pool.query<Invoice>(sql, params);
    return rows;
  }

  async get(id: string): Promise<Invoice | undefined> {
    const { rows } = await this.pool.query<Invoice>(`select ${COLUMNS} from invoices where id = $1`, [id]);
    return rows[0];
  }

  async setStatus(id: string, status: InvoiceStatus): Promise<void> {
    const res = await this.pool.query('update invoices set status = $2, updated_at = now() where id = $1', [id, status]);
    if (res.rowCount !== 1) {
      throw new Error(`invoice ${id} not updated (rowCount=${res.rowCount})`);
    }
  }

  async appendLedger(entry: LedgerEntry): Promise<void> {
    await this.pool.query(
      'insert into ledger (invoice_id, kind, amount_cents, reference) values ($1, $2, $3, $4)',
      [entry.invoiceId, entry.kind, entry.amountCents, entry.reference],
    );
  }
}
