import { Pool } from "pg";

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export interface InvoiceRow {
  id: string;
  number: string;
  accountId: string;
  status: string;
}

export const db = {
  invoices: {
    async findMany(q: { accountId: string; status?: string; offset: number; limit: number }) {
      const { rows } = await pool.query<InvoiceRow>(
        `select * from invoices where account_id = $1 and ($2::text is null or status = $2)
         order by issued_at desc offset $3 limit $4`,
        [q.accountId, q.status ?? null, q.offset, q.limit],
      );
      return rows;
    },
    async get(id: string, accountId: string) {
      const { rows } = await pool.query<InvoiceRow>(
        "select * from invoices where id = $1 and account_id = $2",
        [id, accountId],
      );
      if (!rows[0]) throw new Error("invoice not found");
      return rows[0];
    },
    async markVoid(id: string) {
      await pool.query("update invoices set status = 'void' where id = $1", [id]);
    },
    async markPaid(id: string, paidAt: Date) {
      await pool.query("update invoices set status = 'paid', paid_at = $2 where id = $1", [id, paidAt]);
    },
  },
  audit: {
    async insert(entry: { requestId: string; action: string; ref: string }) {
      await pool.query("insert into audit (request_id, action, ref) values ($1, $2, $3)", [
        entry.requestId,
        entry.action,
        entry.ref,
      ]);
    },
  },
};
