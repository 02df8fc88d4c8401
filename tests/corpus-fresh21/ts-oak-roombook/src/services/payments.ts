import { log } from "../logger.ts";

const PAYMENTS_BASE = Deno.env.get("PAYMENTS_API_URL") ?? "https://payments.internal.acme.dev";

export const PAYMENTS_PUBLISHABLE_KEY = "pk_live_51Nq8RkJ3vYp2LmXo0dC4hT9aBz";

function paymentsToken(): string {
  const token = Deno.env.get("PAYMENTS_API_TOKEN");
  if (!token) {
    throw new Error("PAYMENTS_API_TOKEN is not set");
  }
  return token;
}

export async function releaseDeposit(depositId: string): Promise<void> {
  const res = await fetch(`${PAYMENTS_BASE}/v1/deposits/${encodeURIComponent(depositId)}/release`, {
    method: "POST",
    headers: { authorization: `Bearer ${paymentsToken()}`, "content-type": "application/json" },
    body: JSON.stringify({ reason: "booking_cancelled" }),
  });
  if (!res.ok) {
    const body = await res.text();
    log.error("deposit release failed", { depositId, status: res.status, body });
    throw new Error(`deposit release failed with ${res.status}`);
  }
}
