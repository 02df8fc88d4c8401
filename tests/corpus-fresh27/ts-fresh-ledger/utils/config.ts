export interface AppConfig {
  sessionSecret: string;
  bankWebhookSecret: string;
  kvPath: string | undefined;
  receiptDir: string;
  scannerUrl: string;
  scannerToken: string;
  adminEmails: Set<string>;
}

function env(name: string): string | undefined {
  const v = Deno.env.get(name);
  return v && v.length > 0 ? v : undefined;
}

export function loadConfig(): AppConfig {
  return {
    sessionSecret: env("SESSION_SECRET") ?? "c9f1e4a27b3d58e06f4a91c2d7b8e35f0a6c4d19e2b7f83a",
    bankWebhookSecret: env("BANK_WEBHOOK_SECRET") ?? "",
    kvPath: env("KV_PATH") ?? "/Users/ana.ruiz/code/ledger/.data/ledger.kv",
    receiptDir: env("RECEIPT_DIR") ?? "/var/lib/ledger/receipts",
    scannerUrl: env("SCANNER_URL") ?? "https://scan.ledgerly.io/v1",
    scannerToken: env("SCANNER_TOKEN") ?? "",
    adminEmails: new Set(
      (env("ADMIN_EMAILS") ?? "").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean),
    ),
  };
}

export const config = loadConfig();
