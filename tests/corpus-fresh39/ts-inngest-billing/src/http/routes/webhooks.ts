import { createHmac } from "node:crypto";
import type { Request, Response } from "express";
import type Stripe from "stripe";
import { eq } from "drizzle-orm";
import { config } from "../../config.js";
import { db } from "../../db/client.js";
import { invoices } from "../../db/schema.js";
import { inngest } from "../../inngest/client.js";
import { logger } from "../../logger.js";
import { stripe } from "../../lib/payments.js";

async function invoiceByPaymentIntent(paymentIntentId: string) {
  return db.query.invoices.findFirst({ where: eq(invoices.paymentIntentId, paymentIntentId) });
}

export async function stripeWebhook(req: Request, res: Response) {
  const signature = req.header("stripe-signature");
  if (!signature) {
    res.status(400).send("missing signature");
    return;
  }
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(req.body as Buffer, signature, config.stripe.webhookSecret);
  } catch (err) {
    logger.warn({ err: (err as Error).message }, "stripe webhook rejected");
    res.status(400).send("invalid signature");
    return;
  }

  if (event.type === "payment_intent.succeeded" || event.type === "payment_intent.payment_failed") {
    const intent = event.data.object as Stripe.PaymentIntent;
    const invoice = await invoiceByPaymentIntent(intent.id);
    if (!invoice) {
      logger.info({ intent: intent.id }, "payment intent without invoice; ignoring");
      res.json({ received: true });
      return;
    }
    if (event.type === "payment_intent.succeeded") {
      await db.update(invoices).set({ status: "paid" }).where(eq(invoices.id, invoice.id));
      await inngest.send({
        name: "billing/payment.succeeded",
        data: { accountId: invoice.accountId, invoiceId: invoice.id },
      });
    } else {
      await inngest.send({
        name: "billing/payment.failed",
        data: { accountId: invoice.accountId, invoiceId: invoice.id, attempt: 1 },
      });
    }
  }
  res.json({ received: true });
}

export function parsePaddleSignature(header: string): { ts: string; h1: string } | null {
  const parts = Object.fromEntries(
    header.split(";").map((kv) => {
      const [k, ...rest] = kv.split("=");
      return [k.trim(), rest.join("=").trim()];
    }),
  );
  if (!parts.ts || !parts.h1) return null;
  return { ts: parts.ts, h1: parts.h1 };
}

export async function paddleWebhook(req: Request, res: Response) {
  const parsed = parsePaddleSignature(req.header("paddle-signature") ?? "");
  if (!parsed) {
    res.status(400).send("missing signature");
    return;
  }
  const age = Math.abs(Date.now() / 1000 - Number(parsed.ts));
  if (!Number.isFinite(age) || age > config.paddle.toleranceSeconds) {
    res.status(400).send("stale signature");
    return;
  }
  const raw = (req.body as Buffer).toString("utf8");
  const expected = createHmac("sha256", config.paddle.webhookSecret).update(`${parsed.ts}:${raw}`).digest("hex");
  if (parsed.h1 !== expected) {
    res.status(401).send("invalid signature");
    return;
  }

  const payload = JSON.parse(raw) as {
    event_type: string;
    data: { id: string; custom_data?: { invoice_id?: string; account_id?: string } };
  };
  const invoiceId = payload.data.custom_data?.invoice_id;
  const accountId = payload.data.custom_data?.account_id;
  if (payload.event_type === "transaction.completed" && invoiceId && accountId) {
    await db.update(invoices).set({ status: "paid" }).where(eq(invoices.id, invoiceId));
    await inngest.send({ name: "billing/payment.succeeded", data: { accountId, invoiceId } });
  } else if (payload.event_type === "transaction.payment_failed" && invoiceId && accountId) {
    await inngest.send({ name: "billing/payment.failed", data: { accountId, invoiceId, attempt: 1 } });
  }
  res.json({ received: true });
}
