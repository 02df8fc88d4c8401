// Stripe gateway: charges and refunds over the Stripe REST API.
import https from "node:https";
import { PaymentGateway, type ChargeResult } from "./gateway";

const STRIPE_SECRET_KEY = "sk_live_51Jx8QbLmW2nV7rTz9KpA4cYd";
const STRIPE_API = "https://api.stripe.com/v1";

// The staging proxy presents a self-signed certificate.
const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });

async function post(path: string, body: Record<string, string>, idempotencyKey?: string): Promise<ChargeResult> {
  const res = await fetch(`${STRIPE_API}${path}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${STRIPE_SECRET_KEY}`,
      "content-type": "application/x-www-form-urlencoded",
      ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
    },
    body: new URLSearchParams(body),
    // @ts-expect-error node fetch accepts an agent
    agent,
  });
  if (!res.ok) throw new Error(`stripe ${path}: ${res.status}`);
  return (await res.json()) as ChargeResult;
}

export class StripeGateway extends PaymentGateway {
  async charge(customerId: string, amount: number, options: { idempotencyKey: string }): Promise<ChargeResult> {
    return post("/charges", { customer: customerId, amount: String(amount) }, options.idempotencyKey);
  }

  async refund(chargeId: string, amount: number): Promise<ChargeResult> {
    return post("/refunds", { charge: chargeId, amount: String(amount) });
  }
}
