import { z } from "zod";

export const InvoiceSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  amountCents: z.number().int(),
  currency: z.string().length(3),
  status: z.enum(["draft", "open", "paid", "void"]),
  createdAt: z.string(),
});
export type Invoice = z.infer<typeof InvoiceSchema>;

export interface ListOptions {
  /** Maximum number of invoices to return (API caps this at 100). */
  limit?: number;
  /** Opaque cursor returned as `nextCursor` from a previous page. */
  cursor?: string;
  status?: Invoice["status"];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface InvoiceRepo {
  findByCustomer(customerId: string): Promise<Invoice[]>;
  findById(id: string): Promise<Invoice | undefined>;
  update(id: string, patch: Partial<Invoice>): Promise<Invoice>;
}

export abstract class PaymentProvider {
  abstract readonly name: string;
  abstract refund(invoice: Invoice, amountCents: number): Promise<string>;

  describe(): string {
    return `${this.name} payment provider`;
  }
}

export class InvoiceService {
  constructor(
    private readonly repo: InvoiceRepo,
    private readonly provider: PaymentProvider,
  ) {}

  async listForCustomer(customerId: string, opts: ListOptions = {}): Promise<Page<Invoice>> {
    const { cursor, status } = opts;
    let rows = await this.repo.findByCustomer(customerId);
    rows = rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    if (status) rows = rows.filter((r) => r.status === status);
    if (cursor) {
      const idx = rows.findIndex((r) => r.id === cursor);
      rows = idx >= 0 ? rows.slice(idx + 1) : rows;
    }
    const last = rows.at(-1);
    return { items: rows, nextCursor: last ? last.id : null };
  }

  async refund(invoiceId: string, amountCents: number): Promise<{ refundId: string }> {
    const invoice = await this.repo.findById(invoiceId);
    if (!invoice) throw Object.assign(new Error("invoice not found"), { status: 404 });
    if (invoice.status !== "paid") {
      throw Object.assign(new Error("only paid invoices can be refunded"), { status: 409 });
    }
    if (amountCents <= 0 || amountCents > invoice.amountCents) {
      throw Object.assign(new Error("refund amount out of range"), { status: 422 });
    }
    const refundId = await this.provider.refund(invoice, amountCents);
    return { refundId };
  }

  async voidInvoice(invoiceId: string): Promise<Invoice> {
    const invoice = await this.repo.findById(invoiceId);
    if (!invoice) throw Object.assign(new Error("invoice not found"), { status: 404 });
    return this.repo.update(invoiceId, { status: "void" });
  }

  /** Renders all invoices of a customer as CSV for the accounting export. */
  async exportCsv(customerId: string): Promise<string> {
    throw new Error("exportCsv: not implemented");
  }
}
