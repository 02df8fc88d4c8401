import Stripe from "stripe";
import { config } from "../config.js";
import { logger } from "../logger.js";

export const stripe = new Stripe(config.stripe.secretKey, {
  apiVersion: "2024-06-20",
  maxNetworkRetries: 2,
  appInfo: { name: "billing-jobs" },
});

export interface ChargeResult {
  paymentIntentId: string;
  status: "succeeded" | "requires_action" | "failed";
}

export async function chargeInvoice(
  customerId: string,
  invoiceNumber: string,
  amountCents: number,
  currency: string,
): Promise<ChargeResult> {
  const intent = await stripe.paymentIntents.create(
    {
      customer: customerId,
      amount: amountCents,
      currency,
      confirm: true,
      off_session: true,
      description: `Invoice ${invoiceNumber}`,
      metadata: { invoiceNumber },
      automatic_payment_methods: { enabled: true, allow_redirects: "never" },
    },
    { idempotencyKey: `charge-${invoiceNumber}` },
  );
  const status = intent.status === "succeeded" ? "succeeded" : intent.status === "requires_action" ? "requires_action" : "failed";
  return { paymentIntentId: intent.id, status };
}

export async function refundPayment(paymentIntentId: string, amountCents: number, reason: string) {
  const refund = await stripe.refunds.create({
    payment_intent: paymentIntentId,
    reason: "requested_by_customer",
    metadata: { note: reason.slice(0, 450) },
  });
  logger.info({ paymentIntentId, refundId: refund.id, amount: refund.amount }, "refund created");
  return { refundId: refund.id, amountCents: refund.amount };
}

export function centsToDisplay(amountCents: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(
    amountCents / 100,
  );
}
