import type { SupabaseClient } from "npm:@supabase/supabase-js@2";
import { json } from "../_shared/cors.ts";
import { getEnv } from "../_shared/env.ts";
import { claimEvent, recordInvoice, releaseEvent } from "../_shared/invoices.ts";
import { logger } from "../_shared/log.ts";
import { SignatureError, verifyStripeSignature } from "../_shared/stripe.ts";
import { createAdminClient } from "../_shared/supabase.ts";

interface StripeEvent {
  id: string;
  type: string;
  livemode: boolean;
  // deno-lint-ignore no-explicit-any
  data: { object: Record<string, any> };
}

Deno.serve(async (req) => {
  if (req.method !== "POST") {
    return json({ error: "method not allowed" }, 405, { Allow: "POST" });
  }

  const env = getEnv();
  const payload = await req.text();
  try {
    await verifyStripeSignature(payload, req.headers.get("Stripe-Signature"), env.stripeWebhookSecret);
  } catch (err) {
    if (err instanceof SignatureError) {
      logger.warn("stripe signature rejected", { reason: err.message });
      return json({ error: "invalid signature" }, 400);
    }
    throw err;
  }

  const event = JSON.parse(payload) as StripeEvent;
  if (event.livemode !== env.production) {
    logger.warn("event mode does not match environment", { id: event.id, livemode: event.livemode });
    return json({ received: true, ignored: "mode mismatch" });
  }

  const admin = createAdminClient();
  if (!(await claimEvent(admin, event.id, event.type))) {
    return json({ received: true, duplicate: true });
  }

  try {
    await handleEvent(admin, event);
  } catch (err) {
    logger.error("stripe event failed", {
      id: event.id,
      type: event.type,
      error: err instanceof Error ? err.message : String(err),
    });
    await releaseEvent(admin, event.id);
    return json({ error: "processing failed" }, 500);
  }

  logger.info("stripe event processed", { id: event.id, type: event.type });
  return json({ received: true });
});

async function handleEvent(admin: SupabaseClient, event: StripeEvent): Promise<void> {
  const obj = event.data.object;

  switch (event.type) {
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted": {
      const orgId: string | undefined = obj.metadata?.org_id;
      if (!orgId) {
        logger.warn("subscription without org_id metadata", { subscription: obj.id });
        return;
      }
      const item = obj.items?.data?.[0];
      await admin.from("subscriptions").upsert(
        {
          org_id: orgId,
          stripe_subscription_id: obj.id,
          stripe_item_id: item?.id,
          status: event.type === "customer.subscription.deleted" ? "canceled" : obj.status,
          seats: item?.quantity ?? 0,
          current_period_end: new Date(obj.current_period_end * 1000).toISOString(),
          cancel_at_period_end: obj.cancel_at_period_end ?? false,
        },
        { onConflict: "stripe_subscription_id" },
      );
      return;
    }

    case "invoice.finalized":
    case "invoice.paid":
    case "invoice.payment_failed": {
      await recordInvoice(admin, obj);
      if (event.type === "invoice.payment_failed") {
        const { error } = await admin.from("billing_notifications").insert({
          org_id: obj.subscription_details?.metadata?.org_id,
          kind: "payment_failed",
          stripe_invoice_id: obj.id,
          next_attempt_at: obj.next_payment_attempt
            ? new Date(obj.next_payment_attempt * 1000).toISOString()
            : null,
        });
        if (error) throw error;
      }
      return;
    }

    default:
      logger.debug("stripe event type not handled", { type: event.type });
  }
}
