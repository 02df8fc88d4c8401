import { createHmac } from "node:crypto";
import { onRequest } from "firebase-functions/v2/https";
import * as logger from "firebase-functions/logger";
import { payrailWebhookSecret } from "../config";
import { getBooking, markPaid, writeAudit } from "../data/bookings";

const TOLERANCE_SECONDS = 300;

interface PayrailEvent {
  id: string;
  type: string;
  data: {
    object: {
      id: string;
      amount: number;
      currency: string;
      metadata?: { bookingId?: string };
    };
  };
}

export function parseSignatureHeader(header: string | undefined): { t: number; v1: string } | null {
  if (!header) {
    return null;
  }
  const parts = Object.fromEntries(
    header.split(",").map((kv) => {
      const [k, ...rest] = kv.trim().split("=");
      return [k, rest.join("=")];
    }),
  );
  const t = Number(parts.t);
  if (!Number.isFinite(t) || !parts.v1) {
    return null;
  }
  return { t, v1: parts.v1 };
}

export function computeSignature(secret: string, timestamp: number, rawBody: Buffer): string {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(rawBody).digest("hex");
}

export const payrailWebhook = onRequest({ secrets: [payrailWebhookSecret], cors: false }, async (req, res) => {
  if (req.method !== "POST") {
    res.status(405).send("method not allowed");
    return;
  }
  const sig = parseSignatureHeader(req.get("payrail-signature"));
  if (!sig || Math.abs(Date.now() / 1000 - sig.t) > TOLERANCE_SECONDS) {
    res.status(400).send("bad signature header");
    return;
  }
  const expected = computeSignature(payrailWebhookSecret.value(), sig.t, req.rawBody);
  if (sig.v1 !== expected) {
    logger.warn("payrail signature mismatch", { ip: req.ip });
    res.status(401).send("invalid signature");
    return;
  }

  const event = req.body as PayrailEvent;
  if (event.type !== "payment_intent.succeeded") {
    res.status(200).json({ received: true, ignored: event.type });
    return;
  }

  const intent = event.data.object;
  const bookingId = intent.metadata?.bookingId;
  if (!bookingId) {
    logger.warn("payment without booking reference", { intent: intent.id });
    res.status(200).json({ received: true });
    return;
  }
  const booking = await getBooking(bookingId);
  if (!booking) {
    res.status(404).json({ error: "unknown booking" });
    return;
  }
  try {
    await markPaid(bookingId, intent.id);
    await writeAudit("payrail", "booking.paid", bookingId, { amount: intent.amount, currency: intent.currency });
  } catch {
  }
  res.status(200).json({ received: true });
});
