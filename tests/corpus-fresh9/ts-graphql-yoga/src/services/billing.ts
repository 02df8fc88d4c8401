import { createHmac, timingSafeEqual } from "node:crypto";
import Stripe from "stripe";
import { logger } from "../lib/logger.js";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? "", { apiVersion: "2024-06-20" });

export async function changePlan(customerId: string, priceId: string): Promise<void> {
  const subs = await stripe.subscriptions.list({ customer: customerId, status: "active", limit: 1 });
  const current = subs.data[0];
  if (!current) {
    throw new Error(`no active subscription for ${customerId}`);
  }
  try {
    await stripe.subscriptions.update(current.id, {
      items: [{ id: current.items.data[0].id, price: priceId }],
      proration_behavior: "create_prorations",
    });
  } catch (err) {
    logger.error({ err, customerId, priceId }, "stripe plan change failed");
    throw new Error("billing provider rejected plan change");
  }
}

export async function cancelCustomer(customerId: string): Promise<void> {
  const subs = await stripe.subscriptions.list({ customer: customerId, limit: 10 });
  for (const sub of subs.data) {
    await stripe.subscriptions.cancel(sub.id, { invoice_now: true, prorate: true });
  }
  await stripe.customers.del(customerId).catch(() => {});
}

/**
 * Verifies the partner usage webhook (`x-usage-signature: sha256=<hex>`).
 */
export function verifyUsageSignature(rawBody: string, header: string | null, secret: string): boolean {
  if (!header?.startsWith("sha256=")) return false;
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  const provided = Buffer.from(header.slice("sha256=".length), "hex");
  if (provided.length !== expected.length) return false;
  return timingSafeEqual(provided, expected);
}
