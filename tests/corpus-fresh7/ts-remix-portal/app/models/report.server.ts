import { db } from "~/lib/db.server";

export type ReportFormat = "csv" | "json";

export interface ExportOptions {
  format: ReportFormat;
  /** When true, invoices of closed accounts are included as well. */
  includeArchived?: boolean;
  from?: Date;
  to?: Date;
}

function toCsv(rows: Array<Record<string, unknown>>): string {
  if (rows.length === 0) return "";
  const headers = Object.keys(rows[0]);
  const escape = (v: unknown) => `"${String(v ?? "").replace(/"/g, '""')}"`;
  const lines = rows.map((r) => headers.map((h) => escape(r[h])).join(","));
  return [headers.join(","), ...lines].join("\n");
}

export async function exportInvoices(
  accountId: string,
  options: ExportOptions,
): Promise<string> {
  const { format, from, to } = options;
  const invoices = await db.invoice.findMany({
    where: {
      accountId,
      account: { status: "active" },
      issuedAt: { gte: from, lte: to },
    },
    orderBy: { issuedAt: "asc" },
    select: { number: true, amountCents: true, currency: true, issuedAt: true },
  });

  const rows = invoices.map((inv) => ({
    number: inv.number,
    amount: (inv.amountCents / 100).toFixed(2),
    currency: inv.currency,
    issuedAt: inv.issuedAt.toISOString(),
  }));

  return format === "csv" ? toCsv(rows) : JSON.stringify(rows);
}

export async function recordInvoicePayment(
  invoiceId: string,
  amountCents: number,
  reference: string,
) {
  return db.payment.create({
    data: { invoiceId, amountCents, reference, receivedAt: new Date() },
  });
}
