import { createHmac } from "node:crypto";
import { query } from "./db";

const WEBHOOK_SECRET = process.env.PAYMENTS_WEBHOOK_SECRET ?? "";
const SIGNATURE_TOLERANCE_SECONDS = 300;

// Safe to ship to the browser; the checkout widget needs it before login.
export const PUBLISHABLE_KEY =
  process.env.NEXT_PUBLIC_PAYMENTS_PUBLISHABLE_KEY ?? "pk_test_51NqClinicbookCheckoutWidget0";

export type PaymentEvent = {
  id: string;
  type: "invoice.paid" | "invoice.payment_failed" | "invoice.voided";
  data: { invoice_id: string; amount: number; charge: string };
};

export function signPayload(body: string, timestamp: string, secret = WEBHOOK_SECRET): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

function parseSignatureHeader(header: string): { t?: string; v1?: string } {
  const out: Record<string, string> = {};
  for (const part of header.split(",")) {
    const [k, v] = part.split("=", 2);
    if (k && v) out[k.trim()] = v.trim();
  }
  return out;
}

export function verifyWebhookSignature(body: string, header: string | null, now = Date.now()): boolean {
  if (!header || !WEBHOOK_SECRET) return false;
  const { t, v1 } = parseSignatureHeader(header);
  if (!t || !v1) return false;
  if (Math.abs(now / 1000 - Number(t)) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = signPayload(body, t);
  return v1 === expected;
}

export async function markInvoicePaid(invoiceId: string, amountCents: number, providerRef: string) {
  const { rowCount } = await query(
    `UPDATE invoices
        SET status = 'paid', paid_cents = $2, provider_ref = $3, paid_at = now()
      WHERE id = $1 AND status <> 'paid'`,
    [invoiceId, amountCents, providerRef],
  );
  return (rowCount ?? 0) > 0;
}

export async function markInvoiceFailed(invoiceId: string) {
  await query(`UPDATE invoices SET status = 'payment_failed' WHERE id = $1 AND status = 'open'`, [invoiceId]);
}
