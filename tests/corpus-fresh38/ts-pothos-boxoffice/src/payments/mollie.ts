export interface MolliePayment {
  id: string;
  status: "open" | "canceled" | "pending" | "authorized" | "expired" | "failed" | "paid";
  amount: { currency: string; value: string };
  metadata: Record<string, string> | null;
  _links: { checkout?: { href: string } };
}

export interface CreatePaymentInput {
  amountCents: number;
  currency: string;
  description: string;
  redirectUrl: string;
  webhookUrl: string;
  metadata: Record<string, string>;
  idempotencyKey: string;
}

export class MollieError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export function formatAmount(cents: number): string {
  return (cents / 100).toFixed(2);
}

export class MollieClient {
  constructor(
    private readonly apiKey: string,
    private readonly baseUrl = "https://api.mollie.com/v2",
  ) {}

  private async request<T>(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.apiKey}`,
      Accept: "application/json",
    };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    if (idempotencyKey) {
      headers["Idempotency-Key"] = idempotencyKey;
    }
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    if (!res.ok) {
      throw new MollieError(`mollie ${method} ${path}: ${res.status} ${text.slice(0, 300)}`, res.status);
    }
    return JSON.parse(text) as T;
  }

  async createPayment(input: CreatePaymentInput): Promise<MolliePayment> {
    return await this.request<MolliePayment>(
      "POST",
      "/payments",
      {
        amount: { currency: input.currency, value: formatAmount(input.amountCents) },
        description: input.description,
        redirectUrl: input.redirectUrl,
        metadata: input.metadata,
      },
      input.idempotencyKey,
    );
  }

  async getPayment(id: string): Promise<MolliePayment> {
    if (!/^tr_[A-Za-z0-9]+$/.test(id)) {
      throw new MollieError(`not a payment id: ${id}`, 400);
    }
    return await this.request<MolliePayment>("GET", `/payments/${id}`);
  }

  async createRefund(paymentId: string, amountCents: number, currency: string, description: string): Promise<{ id: string }> {
    return await this.request<{ id: string }>(
      "POST",
      `/payments/${paymentId}/refunds`,
      { amount: { currency, value: formatAmount(amountCents) }, description },
      `refund-${paymentId}-${amountCents}`,
    );
  }
}
