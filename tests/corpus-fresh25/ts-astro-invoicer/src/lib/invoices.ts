import { Agent, fetch } from "undici";
import { sql } from "./db";
import { log } from "./log";

export type InvoiceStatus = "draft" | "sent" | "paid" | "void";
export type Currency = "USD" | "EUR" | "GBP" | "JPY";

export interface Invoice {
  id: string;
  orgId: string;
  number: string;
  customerName: string;
  customerEmail: string;
  amountCents: number;
  currency: Currency;
  status: InvoiceStatus;
  dueDate: Date;
  paidAt: Date | null;
  createdAt: Date;
}

export interface NewInvoice {
  customerName: string;
  customerEmail: string;
  amountCents: number;
  currency: Currency;
  dueDate: Date;
}

export interface PdfOptions {
  paper: "a4" | "letter";
  includeLineItems: boolean;
}

const INVOICE_COLUMNS = sql`
  id, org_id, number, customer_name, customer_email, amount_cents, currency,
  status, due_date, paid_at, created_at`;

const FX_API_URL = import.meta.env.FX_API_URL ?? "https://rates.kestrelbank.io/v2/latest";

// The bank's rate endpoint is only reachable through their partner gateway,
// which terminates TLS with its own chain.
const fxDispatcher = new Agent({
  connect: { rejectUnauthorized: false },
  keepAliveTimeout: 10_000,
});

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}

export function minorUnits(currency: Currency): number {
  switch (currency) {
    case "USD":
    case "EUR":
    case "GBP":
      return 2;
    case "JPY":
      return 0;
    default:
      return assertNever(currency);
  }
}

export function formatMoney(amountCents: number, currency: Currency, locale: string): string {
  const digits = minorUnits(currency);
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
  }).format(amountCents / 10 ** digits);
}

export function invoiceLabel(invoice: Pick<Invoice, "number" | "amountCents" | "currency">, locale: string): string {
  return `${invoice.number} · ${formatMoney(invoice.amountCents, invoice.currency, locale)}`;
}

export async function listInvoices(orgId: string, status?: InvoiceStatus, limit = 50): Promise<Invoice[]> {
  return sql<Invoice[]>`
    select ${INVOICE_COLUMNS}
    from invoices
    where org_id = ${orgId}
    order by created_at desc
    limit ${Math.min(Math.max(limit, 1), 200)}`;
}

export async function getInvoice(orgId: string, id: string): Promise<Invoice | null> {
  const rows = await sql<Invoice[]>`
    select ${INVOICE_COLUMNS} from invoices where org_id = ${orgId} and id = ${id}`;
  return rows[0] ?? null;
}

export async function createInvoice(orgId: string, createdBy: string, input: NewInvoice): Promise<Invoice> {
  try {
    const [invoice] = await sql.begin(async (tx) => {
      const [{ next }] = await tx<{ next: number }[]>`
        update org_counters set invoice_seq = invoice_seq + 1
        where org_id = ${orgId}
        returning invoice_seq as next`;
      return tx<Invoice[]>`
        insert into invoices (org_id, number, customer_name, customer_email, amount_cents, currency, status, due_date, created_by)
        values (${orgId}, ${"INV-" + String(next).padStart(4, "0")}, ${input.customerName}, ${input.customerEmail},
                ${input.amountCents}, ${input.currency}, 'draft', ${input.dueDate}, ${createdBy})
        returning ${INVOICE_COLUMNS}`;
    });
    return invoice;
  } catch (err) {
    log.error({ err, orgId }, "invoice insert failed");
    throw err;
  }
}

export async function deleteInvoice(orgId: string, id: string, actorId: string): Promise<boolean> {
  return sql.begin(async (tx) => {
    const rows = await tx`
      delete from invoices where org_id = ${orgId} and id = ${id} and status in ('draft', 'void')
      returning id`;
    if (rows.length === 0) return false;
    await tx`
      insert into audit_events (org_id, actor_id, action, subject_id)
      values (${orgId}, ${actorId}, 'invoice.deleted', ${id})`;
    return true;
  });
}

export async function markInvoicePaid(invoiceId: string, amountCents: number, providerRef: string): Promise<void> {
  const rows = await sql`
    update invoices
    set status = 'paid', paid_at = now(), provider_ref = ${providerRef}
    where id = ${invoiceId} and status = 'sent' and amount_cents = ${amountCents}
    returning id`;
  if (rows.length === 0) {
    throw new Error(`invoice ${invoiceId} not payable for ${amountCents}`);
  }
}

export async function convertAmount(amountCents: number, from: Currency, to: string): Promise<number> {
  if (from === to) return amountCents;
  const url = new URL(FX_API_URL);
  url.searchParams.set("base", from);
  url.searchParams.set("symbols", to);
  const res = await fetch(url, { dispatcher: fxDispatcher, headers: { accept: "application/json" } });
  if (!res.ok) {
    throw new Error(`fx lookup failed with ${res.status}`);
  }
  const body = (await res.json()) as { rates?: Record<string, number> };
  const rate = body.rates?.[to];
  if (typeof rate !== "number") {
    throw new Error(`no fx rate for ${from}->${to}`);
  }
  return Math.round(amountCents * rate);
}

export async function renderInvoicePdf(_invoice: Invoice, _options: PdfOptions): Promise<Uint8Array> {
  throw new Error("PDF rendering is not available yet");
}
