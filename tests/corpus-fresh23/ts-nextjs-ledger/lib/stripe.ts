import { createHmac, timingSafeEqual } from "node:crypto";

export interface StripeEvent<T = Record<string, unknown>> {
  id: string;
  type: string;
  created: number;
  data: { object: T };
}

export interface PaymentIntent {
  id: string;
  amount_received: number;
  currency: string;
  metadata: { invoice_id?: string };
}

function parseHeader(header: string): { timestamp: number; signatures: string[] } {
  let timestamp = Number.NaN;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [key, value] = part.split("=", 2);
    if (key === "t") timestamp = Number(value);
    else if (key === "v1" && value) signatures.push(value);
  }
  return { timestamp, signatures };
}

/**
 * Verifies the `Stripe-Signature` header against the raw request body.
 * See https://stripe.com/docs/webhooks/signatures for the scheme.
 */
export function verifyStripeSignature(
  payload: string,
  header: string | null,
  secret: string,
  toleranceSeconds = 300,
  now: () => number = Date.now,
): boolean {
  if (!header) return false;
  const { timestamp, signatures } = parseHeader(header);
  if (!Number.isFinite(timestamp) || signatures.length === 0) return false;
  if (Math.abs(now() / 1000 - timestamp) > toleranceSeconds) return false;

  const expected = Buffer.from(createHmac("sha256", secret).update(`${timestamp}.${payload}`).digest("hex"));
  return signatures.some((sig) => {
    const given = Buffer.from(sig);
    if (given.length !== expected.length) return false;
    return timingSafeEqual(given, expected);
  });
}
