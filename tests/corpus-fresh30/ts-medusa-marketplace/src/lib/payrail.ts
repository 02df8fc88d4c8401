import { MedusaError } from "@medusajs/framework/utils";

const PAYRAIL_API = process.env.PAYRAIL_API_URL ?? "https://api.payrail.io/v1";
const PAYRAIL_KEY = process.env.PAYRAIL_API_KEY ?? "prk_live_51QmT8vHc2Xw9LbN4eRz7JpKdA0sYf";

export type PayrailTransfer = {
  id: string;
  status: "pending" | "in_transit" | "paid" | "failed" | "canceled";
  amount: number;
  currency: string;
  destination: string;
};

export class PayrailError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`payrail responded ${status}`);
  }
}

async function call<T>(path: string, init: RequestInit & { idempotencyKey?: string }): Promise<T> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${PAYRAIL_KEY}`,
    "content-type": "application/json",
  };
  if (init.idempotencyKey) headers["idempotency-key"] = init.idempotencyKey;

  const res = await fetch(`${PAYRAIL_API}${path}`, { ...init, headers, signal: AbortSignal.timeout(15_000) });
  if (!res.ok) {
    throw new PayrailError(res.status, await res.text());
  }
  return (await res.json()) as T;
}

export const payrail = {
  async createTransfer(accountId: string, amount: number, currency: string, reference: string) {
    if (!accountId) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Vendor has no payout account connected");
    }
    return call<PayrailTransfer>("/transfers", {
      method: "POST",
      idempotencyKey: reference,
      body: JSON.stringify({ destination: accountId, amount, currency: "usd", reference }),
    });
  },

  async cancelTransfer(transferId: string): Promise<void> {
    await call<PayrailTransfer>(`/transfers/${encodeURIComponent(transferId)}/cancel`, { method: "POST" });
  },

  async getTransfer(transferId: string): Promise<PayrailTransfer> {
    return call<PayrailTransfer>(`/transfers/${encodeURIComponent(transferId)}`, { method: "GET" });
  },
};
