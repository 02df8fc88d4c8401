import { Pool } from "pg";
import { InvoiceSchema, type Invoice, type InvoiceRepo } from "../services/invoiceService";

export class PgInvoiceRepo implements InvoiceRepo {
  private constructor(private readonly pool: Pool) {}

  static async connect(url: string): Promise<PgInvoiceRepo> {
    const pool = new Pool({ connectionString: url, max: 10 });
    await pool.query("select 1");
    return new PgInvoiceRepo(pool);
  }

  async findByCustomer(customerId: string): Promise<Invoice[]> {
    const { rows } = await this.pool.query(
      "select * from invoices where customer_id = $1 order by created_at",
      [customerId],
    );
    return rows.map((r) => InvoiceSchema.parse(toCamel(r)));
  }

  async findById(id: string): Promise<Invoice | undefined> {
    const { rows } = await this.pool.query("select * from invoices where id = $1", [id]);
    return rows[0] ? InvoiceSchema.parse(toCamel(rows[0])) : undefined;
  }

  async update(id: string, patch: Partial<Invoice>): Promise<Invoice> {
    const { rows } = await this.pool.query(
      "update invoices set status = coalesce($2, status) where id = $1 returning *",
      [id, patch.status ?? null],
    );
    return InvoiceSchema.parse(toCamel(rows[0]));
  }
}

function toCamel(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]),
  );
}
