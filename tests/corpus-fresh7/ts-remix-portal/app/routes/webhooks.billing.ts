import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";

import { verifyWebhookSignature } from "~/lib/auth.server";
import { recordInvoicePayment } from "~/models/report.server";

interface PaymentEvent {
  type: "payment.succeeded" | "payment.failed";
  data: { invoiceId: string; amountCents: number; reference: string };
}

export async function action({ request }: ActionFunctionArgs) {
  const secret = process.env.BILLING_WEBHOOK_SECRET;
  if (!secret) {
    throw new Error("BILLING_WEBHOOK_SECRET is not configured");
  }
  const raw = await request.text();
  const ok = verifyWebhookSignature(raw, request.headers.get("X-Portal-Signature"), secret);
  if (!ok) {
    return json({ error: "bad signature" }, { status: 401 });
  }

  const event = JSON.parse(raw) as PaymentEvent;
  if (event.type !== "payment.succeeded") {
    return json({ ignored: event.type });
  }

  try {
    await recordInvoicePayment(
      event.data.invoiceId,
      event.data.amountCents,
      event.data.reference,
    );
  } catch (err) {
    console.error("failed to persist webhook payment", err);
    // let the provider retry the delivery
    return json({ error: "persist failed" }, { status: 500 });
  }
  return json({ received: true });
}
