import { join } from "$std/path/mod.ts";
import { config } from "./config.ts";

export interface ScanResult {
  merchant: string;
  totalCents: number;
  currency: string;
}

export interface ReceiptScanner {
  scan(file: Blob): Promise<ScanResult>;
}

export class HttpReceiptScanner implements ReceiptScanner {
  constructor(private baseUrl: string, private token: string) {}

  async scan(file: Blob): Promise<ScanResult> {
    const form = new FormData();
    form.append("file", file, "receipt");
    const res = await fetch(`${this.baseUrl}/receipts:scan`, {
      method: "POST",
      headers: { authorization: `Bearer ${this.token}` },
      body: form,
      signal: AbortSignal.timeout(15_000),
    });
    if (!res.ok) {
      throw new Error(`scanner responded ${res.status}: ${await res.text()}`);
    }
    const body = await res.json();
    return {
      merchant: String(body.merchant ?? ""),
      totalCents: Math.round(Number(body.total) * 100),
      currency: String(body.currency ?? "USD"),
    };
  }
}

export const scanner: ReceiptScanner = new HttpReceiptScanner(config.scannerUrl, config.scannerToken);

export async function storeReceipt(expenseId: string, file: Blob): Promise<string> {
  const key = `${expenseId}-${Date.now()}`;
  const path = join(config.receiptDir, key);
  try {
    await Deno.writeFile(path, new Uint8Array(await file.arrayBuffer()), { createNew: true });
  } catch (err) {
    console.error(`[receipts] could not write ${path}:`, err);
    throw err;
  }
  return key;
}
