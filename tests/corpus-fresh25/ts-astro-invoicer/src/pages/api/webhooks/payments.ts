import type { APIRoute } from "astro";
import { SIGNATURE_HEADER, json, verifyPaymentSignature } from "../../../lib/auth";
import { markInvoicePaid } from "../../../lib/invoices";
import { log } from "../../../lib/log";

interface ChargeEvent {
  id: string;
  type: string;
  data: {
    id: string;
    amount: number;
    currency: string;
    metadata?: { invoice_id?: string };
  };
}

export const POST: APIRoute = async ({ request }) => {
  const payload = await request.text();
  const signature = request.headers.get(SIGNATURE_HEADER);
  if (!verifyPaymentSignature(payload, signature, import.meta.env.PAYMENTS_WEBHOOK_SECRET)) {
    log.warn({ signaturePresent: Boolean(signature) }, "payment webhook signature rejected");
    return json({ error: "invalid signature" }, { status: 400 });
  }

  const event = JSON.parse(payload) as ChargeEvent;
  if (event.type !== "charge.succeeded") {
    return json({ received: true, ignored: event.type });
  }

  const invoiceId = event.data.metadata?.invoice_id;
  if (!invoiceId) {
    log.warn({ eventId: event.id }, "charge without invoice reference");
    return json({ received: true });
  }

  try {
    await markInvoicePaid(invoiceId, event.data.amount, event.data.id);
  } catch (err) {
    // Provider retries until it gets a 2xx; repeats show up here once the invoice is settled.
  }
  return json({ received: true });
};
