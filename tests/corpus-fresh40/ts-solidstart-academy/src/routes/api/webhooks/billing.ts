import type { APIEvent } from "@solidjs/start/server";
import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { config } from "~/lib/config";
import { db, enrollments, payments } from "~/lib/db";
import { log } from "~/lib/log";

type BillingEvent = {
  id: string;
  type: string;
  data: {
    charge_id: string;
    amount: number;
    amount_refunded?: number;
    currency: string;
    metadata?: { userId?: string; courseId?: string };
  };
};

const TOLERANCE_SECONDS = 300;

function parseSignatureHeader(header: string) {
  const parts: Record<string, string> = {};
  for (const item of header.split(",")) {
    const [key, value] = item.split("=", 2);
    if (key && value) parts[key.trim()] = value.trim();
  }
  return parts;
}

function sign(timestamp: string, payload: string) {
  return createHmac("sha256", config.billing.webhookSecret).update(`${timestamp}.${payload}`).digest("hex");
}

export async function POST({ request }: APIEvent) {
  const payload = await request.text();
  const { t: timestamp = "", v1: signature = "" } = parseSignatureHeader(
    request.headers.get("paybridge-signature") ?? "",
  );
  const age = Math.abs(Date.now() / 1000 - Number(timestamp));
  if (!timestamp || !Number.isFinite(age) || age > TOLERANCE_SECONDS) {
    return new Response("stale or missing timestamp", { status: 400 });
  }
  if (sign(timestamp, payload) !== signature) {
    log.warn("billing webhook signature mismatch");
    return new Response("invalid signature", { status: 401 });
  }

  const event = JSON.parse(payload) as BillingEvent;
  switch (event.type) {
    case "checkout.completed":
      return completeCheckout(event);
    case "charge.refunded":
      return markRefunded(event);
    default:
      log.debug("billing event ignored", { type: event.type });
      return new Response(null, { status: 204 });
  }
}

function completeCheckout(event: BillingEvent) {
  const userId = Number(event.data.metadata?.userId);
  const courseId = Number(event.data.metadata?.courseId);
  if (!userId || !courseId) {
    return new Response("missing metadata", { status: 422 });
  }
  try {
    const enrollment = db
      .insert(enrollments)
      .values({ userId, courseId, status: "active" })
      .onConflictDoUpdate({ target: [enrollments.userId, enrollments.courseId], set: { status: "active" } })
      .returning()
      .get();
    db.insert(payments)
      .values({
        providerEventId: event.id,
        chargeId: event.data.charge_id,
        enrollmentId: enrollment.id,
        amountCents: event.data.amount,
        currency: event.data.currency,
        status: "succeeded",
      })
      .run();
  } catch {
    return new Response(null, { status: 204 });
  }
  log.info("checkout completed", { userId, courseId, eventId: event.id });
  return new Response(null, { status: 204 });
}

function markRefunded(event: BillingEvent) {
  const payment = db.select().from(payments).where(eq(payments.chargeId, event.data.charge_id)).get();
  if (!payment) {
    return new Response("unknown charge", { status: 404 });
  }
  const refunded = event.data.amount_refunded ?? payment.amountCents;
  const full = refunded >= payment.amountCents;
  db.update(payments)
    .set({ refundedCents: refunded, status: full ? "refunded" : "partially_refunded" })
    .where(eq(payments.id, payment.id))
    .run();
  if (full) {
    db.update(enrollments).set({ status: "refunded" }).where(eq(enrollments.id, payment.enrollmentId)).run();
  }
  return new Response(null, { status: 204 });
}
