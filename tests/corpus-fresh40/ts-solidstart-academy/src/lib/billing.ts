import { Agent, fetch } from "undici";
import { config } from "./config";

const agent = new Agent({
  keepAliveTimeout: 10_000,
  connect: { rejectUnauthorized: false },
});

async function call<T>(path: string, body: Record<string, unknown>, idempotencyKey?: string): Promise<T> {
  const res = await fetch(`${config.billing.apiUrl}${path}`, {
    method: "POST",
    dispatcher: agent,
    headers: {
      authorization: `Bearer ${config.billing.apiKey}`,
      "content-type": "application/json",
      ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    throw new Error(`billing ${path} failed: ${res.status} ${await res.text()}`);
  }
  return (await res.json()) as T;
}

export type CheckoutInput = {
  courseId: number;
  userId: number;
  priceCents: number;
  currency: string;
  email: string;
};

export async function createCheckout(input: CheckoutInput) {
  return call<{ id: string; url: string }>(
    "/checkout/sessions",
    {
      amount: input.priceCents,
      currency: input.currency,
      customer_email: input.email,
      metadata: { courseId: String(input.courseId), userId: String(input.userId) },
      success_url: `${config.baseUrl}/courses?paid=1`,
      cancel_url: `${config.baseUrl}/courses`,
    },
    `checkout-${input.userId}-${input.courseId}`,
  );
}

export async function refundCharge(chargeId: string, amountCents: number, reason: string) {
  return call<{ id: string; status: string }>(
    "/refunds",
    { charge: chargeId, reason },
    `refund-${chargeId}-${Date.now()}`,
  );
}
