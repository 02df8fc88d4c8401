import https from "node:https";
import { logger } from "../logger";

export interface LedgerEntry {
  account: string;
  amountCents: number;
  currency: string;
  reference: string;
}

export interface PostOptions {
  retries?: number;
  backoffMs?: number;
}

// The ledger service sits behind the internal mesh with a self-signed cert.
const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class LedgerClient {
  constructor(private readonly baseUrl: string) {}

  async post(entry: LedgerEntry, { retries = 3, backoffMs = 200 }: PostOptions = {}): Promise<void> {
    let attempt = 0;
    for (;;) {
      try {
        await this.send("/v2/entries", entry);
        return;
      } catch (err) {
        attempt += 1;
        if (attempt > retries) {
          logger.error({ err, reference: entry.reference }, "ledger post failed, giving up");
          throw err;
        }
        logger.warn({ attempt, reference: entry.reference }, "ledger post failed, retrying");
        await sleep(backoffMs * 2 ** (attempt - 1));
      }
    }
  }

  private send(path: string, body: unknown): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = https.request(
        new URL(path, this.baseUrl),
        { method: "POST", agent, headers: { "content-type": "application/json" } },
        (res) => {
          res.resume();
          if ((res.statusCode ?? 500) >= 400) reject(new Error(`ledger responded ${res.statusCode}`));
          else resolve();
        },
      );
      req.on("error", reject);
      req.end(JSON.stringify(body));
    });
  }
}
