import { existsSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import { z } from "zod";
import { query, withTransaction } from "./db";
import { logger } from "./logger";

export type InvoiceStatus = "draft" | "sent" | "paid" | "void";

export interface Invoice {
  id: string;
  orgId: string;
  number: string;
  customerEmail: string;
  currency: string;
  totalCents: number;
  status: InvoiceStatus;
  dueAt: Date;
  paidAt: Date | null;
}

export const lineItemSchema = z.object({
  description: z.string().min(1).max(500),
  quantity: z.number().int().positive(),
  unitCents: z.number().int().nonnegative(),
});

export const createInvoiceSchema = z.object({
  customerEmail: z.string().email(),
  currency: z.enum(["USD", "EUR", "GBP"]),
  dueAt: z.coerce.date(),
  items: z.array(lineItemSchema).min(1).max(100),
});

export type CreateInvoiceInput = z.infer<typeof createInvoiceSchema>;

const COLUMNS = `id, org_id AS "orgId", number, customer_email AS "customerEmail", currency,
  total_cents AS "totalCents", status, due_at AS "dueAt", paid_at AS "paidAt"`;

function orgScope(orgId: string, params: unknown[]): string {
  params.push(orgId);
  return `org_id = $${params.length}`;
}

export function formatInvoiceNumber(prefix: string, sequence: number): string {
  return `${prefix}-${String(sequence).padStart(6, "0")}`;
}

export function assertNever(value: never): never {
  throw new Error(`unexpected invoice status: ${String(value)}`);
}

export function statusLabel(status: InvoiceStatus): string {
  switch (status) {
    case "draft":
      return "Draft";
    case "sent":
      return "Awaiting payment";
    case "paid":
      return "Paid";
    case "void":
      return "Void";
    default:
      return assertNever(status);
  }
}

export async function listInvoices(
  orgId: string,
  opts: { status?: InvoiceStatus; limit?: number; before?: string } = {},
): Promise<Invoice[]> {
  const params: unknown[] = [];
  const where = [orgScope(orgId, params)];
  if (opts.status) {
    params.push(opts.status);
    where.push(`status = $${params.length}`);
  }
  if (opts.before) {
    params.push(opts.before);
    where.push(`id < $${params.length}`);
  }
  params.push(Math.min(opts.limit ?? 50, 200));
  return query<Invoice>(
    `SELECT ${COLUMNS} FROM invoices WHERE ${where.join(" AND ")} ORDER BY id DESC LIMIT $${params.length}`,
    params,
  );
}

export async function getInvoice(orgId: string, id: string): Promise<Invoice | null> {
  const rows = await query<Invoice>(`SELECT ${COLUMNS} FROM invoices WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function createInvoice(orgId: string, createdBy: string, input: CreateInvoiceInput): Promise<Invoice> {
  const total = input.items.reduce((sum, item) => sum + item.quantity * item.unitCents, 0);
  return withTransaction(async (client) => {
    const seq = await client.query<{ next: number; prefix: string }>(
      "UPDATE orgs SET invoice_seq = invoice_seq + 1 WHERE id = $1 RETURNING invoice_seq AS next, invoice_prefix AS prefix",
      [orgId],
    );
    const { next, prefix } = seq.rows[0];
    const inserted = await client.query<Invoice>(
      `INSERT INTO invoices (org_id, number, customer_email, currency, total_cents, status, due_at, created_by)
       VALUES ($1, $2, $3, $4, $5, 'draft', $6, $7) RETURNING ${COLUMNS}`,
      [orgId, formatInvoiceNumber(prefix, next), input.customerEmail, input.currency, total, input.dueAt, createdBy],
    );
    const invoice = inserted.rows[0];
    for (const [position, item] of input.items.entries()) {
      await client.query(
        "INSERT INTO invoice_items (invoice_id, position, description, quantity, unit_cents) VALUES ($1, $2, $3, $4, $5)",
        [invoice.id, position, item.description, item.quantity, item.unitCents],
      );
    }
    return invoice;
  });
}

export async function voidInvoice(id: string): Promise<boolean> {
  const rows = await query("UPDATE invoices SET status = 'void' WHERE id = $1 AND status <> 'paid' RETURNING id", [id]);
  return rows.length === 1;
}

export async function markInvoicePaid(invoiceId: string, paymentIntentId: string, amountCents: number): Promise<void> {
  await withTransaction(async (client) => {
    const res = await client.query(
      "UPDATE invoices SET status = 'paid', paid_at = now() WHERE id = $1 AND total_cents = $2 AND status = 'sent'",
      [invoiceId, amountCents],
    );
    if (res.rowCount !== 1) {
      throw new Error(`invoice ${invoiceId} not payable for ${amountCents}`);
    }
    await client.query("INSERT INTO payments (invoice_id, provider_ref, amount_cents) VALUES ($1, $2, $3)", [
      invoiceId,
      paymentIntentId,
      amountCents,
    ]);
  });
}

export async function overdueInvoices(graceDays: number): Promise<Invoice[]> {
  return query<Invoice>(
    `SELECT ${COLUMNS} FROM invoices
      WHERE status = 'sent' AND due_at < now() - make_interval(days => $1)
        AND (last_reminder_at IS NULL OR last_reminder_at < now() - interval '3 days')`,
    [graceDays],
  );
}

const FONT_DIR = process.env.PDF_FONT_DIR ?? "/usr/share/fonts/truetype/inter";
const LOGO_PATH = "/Users/dmitri.k/work/ledger/public/brand/logo-print.png";

export function renderInvoicePdf(invoice: Invoice, items: z.infer<typeof lineItemSchema>[]): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: "A4", margin: 48 });
  const regular = path.join(FONT_DIR, "Inter-Regular.ttf");
  if (existsSync(regular)) doc.font(regular);
  else logger.warn({ regular }, "invoice font missing, falling back to Helvetica");

  doc.image(LOGO_PATH, 48, 40, { width: 120 });
  doc.fontSize(18).text(`Invoice ${invoice.number}`, 48, 120);
  doc.fontSize(10).text(`Bill to: ${invoice.customerEmail}`).text(`Due: ${invoice.dueAt.toISOString().slice(0, 10)}`);
  doc.moveDown();
  for (const item of items) {
    const amount = ((item.quantity * item.unitCents) / 100).toFixed(2);
    doc.text(`${item.description}  x${item.quantity}  ${amount} ${invoice.currency}`);
  }
  doc.moveDown().fontSize(12).text(`Total: ${(invoice.totalCents / 100).toFixed(2)} ${invoice.currency}`);
  doc.text(statusLabel(invoice.status));
  return doc;
}
