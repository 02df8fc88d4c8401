import { NextResponse } from "next/server";
import { createHash } from "node:crypto";
import { markInvoiceFailed, markInvoicePaid, verifyWebhookSignature, type PaymentEvent } from "@/lib/billing";
import { query } from "@/lib/db";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The provider calls this directly; authenticity comes from the signature header.
export async function POST(req: Request) {
  const body = await req.text();
  if (!verifyWebhookSignature(body, req.headers.get("x-payments-signature"))) {
    return NextResponse.json({ error: "bad_signature" }, { status: 400 });
  }

  const event = JSON.parse(body) as PaymentEvent;
  const digest = createHash("sha256").update(body).digest("hex");

  const seen = await query<{ digest: string }>("SELECT digest FROM webhook_events WHERE id = $1", [event.id]);
  if (seen.rows[0]?.digest === digest) {
    return NextResponse.json({ received: true, duplicate: true });
  }

  switch (event.type) {
    case "invoice.paid":
      try {
        await markInvoicePaid(event.data.invoice_id, event.data.amount, event.data.charge);
      } catch {
        // the provider dashboard already shows the charge as settled
      }
      break;
    case "invoice.payment_failed":
      await markInvoiceFailed(event.data.invoice_id);
      break;
    default:
      break;
  }

  await query(
    "INSERT INTO webhook_events (id, type, digest) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING",
    [event.id, event.type, digest],
  );
  return NextResponse.json({ received: true });
}
