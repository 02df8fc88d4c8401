import { getEnv } from "./env.ts";

const encoder = new TextEncoder();

export class SignatureError extends Error {}

function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) {
    diff |= a[i] ^ b[i];
  }
  return diff === 0;
}

function hexToBytes(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || /[^0-9a-f]/i.test(hex)) {
    return new Uint8Array(0);
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  }
  return out;
}

/**
 * Verifies a Stripe-Signature header (t=...,v1=...[,v1=...]) over the raw body.
 * Several v1 entries are present while a webhook secret is being rolled.
 */
export async function verifyStripeSignature(
  payload: string,
  header: string | null,
  secret: string,
  toleranceSeconds = 300,
  nowMs = Date.now(),
): Promise<void> {
  if (!header) throw new SignatureError("missing Stripe-Signature header");

  let timestamp = "";
  const candidates: string[] = [];
  for (const part of header.split(",")) {
    const [key, value] = part.split("=", 2);
    if (key === "t") timestamp = value;
    else if (key === "v1") candidates.push(value);
  }
  if (!timestamp || candidates.length === 0) {
    throw new SignatureError("malformed Stripe-Signature header");
  }

  const age = Math.abs(nowMs / 1000 - Number(timestamp));
  if (!Number.isFinite(age) || age > toleranceSeconds) {
    throw new SignatureError("signature timestamp outside tolerance");
  }

  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const expected = new Uint8Array(
    await crypto.subtle.sign("HMAC", key, encoder.encode(`${timestamp}.${payload}`)),
  );
  if (!candidates.some((sig) => timingSafeEqual(expected, hexToBytes(sig)))) {
    throw new SignatureError("no matching v1 signature");
  }
}

export class StripeError extends Error {
  constructor(public readonly status: number, message: string) {
    super(message);
  }
}

async function stripeRequest<T>(
  method: "GET" | "POST" | "DELETE",
  path: string,
  form?: Record<string, string>,
  idempotencyKey?: string,
): Promise<T> {
  const env = getEnv();
  const headers: Record<string, string> = {
    Authorization: `Bearer ${env.stripeSecretKey}`,
    "Stripe-Version": env.stripeApiVersion,
  };
  if (form) headers["Content-Type"] = "application/x-www-form-urlencoded";
  if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;

  const res = await fetch(`https://api.stripe.com/v1${path}`, {
    method,
    headers,
    body: form ? new URLSearchParams(form) : undefined,
  });
  if (!res.ok) {
    throw new StripeError(res.status, `stripe ${method} ${path}: ${await res.text()}`);
  }
  return (await res.json()) as T;
}

export function cancelSubscription(subscriptionId: string, atPeriodEnd: boolean) {
  return atPeriodEnd
    ? stripeRequest("POST", `/subscriptions/${subscriptionId}`, { cancel_at_period_end: "true" })
    : stripeRequest("DELETE", `/subscriptions/${subscriptionId}`);
}

export function updateSeatQuantity(itemId: string, quantity: number, prorate: boolean) {
  return stripeRequest("POST", `/subscription_items/${itemId}`, {
    quantity: String(quantity),
    proration_behavior: prorate ? "create_prorations" : "none",
  });
}

export function reportUsage(
  itemId: string,
  quantity: number,
  timestamp: number,
  idempotencyKey: string,
) {
  return stripeRequest(
    "POST",
    `/subscription_items/${itemId}/usage_records`,
    { quantity: String(quantity), timestamp: String(timestamp), action: "increment" },
    idempotencyKey,
  );
}
