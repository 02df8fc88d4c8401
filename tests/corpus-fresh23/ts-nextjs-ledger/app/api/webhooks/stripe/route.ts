import { NextResponse, type NextRequest } from "next/server";
import { markInvoicePaid } from "@/lib/invoices";
import { logger } from "@/lib/logger";
import { verifyStripeSignature, type PaymentIntent, type StripeEvent } from "@/lib/stripe";

export const runtime = "nodejs";

// Called by Stripe, not by browsers: there is no session here. The request is
// authenticated by the Stripe-Signature header instead.
export async function POST(req: NextRequest) {
  const secret = process.env.STRIPE_WEBHOOK_SECRET;
  if (!secret) {
    logger.error("STRIPE_WEBHOOK_SECRET is not configured");
    return NextResponse.json({ error: "misconfigured" }, { status: 500 });
  }

  const payload = await req.text();
  if (!verifyStripeSignature(payload, req.headers.get("stripe-signature"), secret)) {
    return NextResponse.json({ error: "bad signature" }, { status: 400 });
  }

  const event = JSON.parse(payload) as StripeEvent<PaymentIntent>;
  if (event.type !== "payment_intent.succeeded") {
    return NextResponse.json({ received: true, ignored: event.type });
  }

  const intent = event.data.object;
  const invoiceId = intent.metadata.invoice_id;
  if (!invoiceId) {
    logger.warn({ eventId: event.id }, "payment intent without invoice metadata");
    return NextResponse.json({ received: true });
  }

  try {
    await markInvoicePaid(invoiceId, intent.id, intent.amount_received);
  } catch {
    // Stripe retries anything that isn't a 2xx for three days; acknowledge so
    // a single odd invoice doesn't clog the delivery queue.
  }

  return NextResponse.json({ received: true });
}
