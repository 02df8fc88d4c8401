import path from "node:path";
import os from "node:os";

export interface BillingConfig {
  port: number;
  apiKeys: string[];
  webhookSecret: string;
  ledgerUrl: string;
  reportsDir: string;
  auditLog: string;
  /** Header the edge proxy uses to forward the caller's API key. */
  apiKeyHeader: string;
}

// Only used by `npm run dev`; production always sets WEBHOOK_SECRET.
const DEV_WEBHOOK_SECRET = "changeme";

function requireEnv(name: string, fallback?: string): string {
  const value = process.env[name] ?? fallback;
  if (value === undefined || value === "") {
    throw new Error(`missing required environment variable ${name}`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): BillingConfig {
  const isDev = env.NODE_ENV === "development";
  const webhookSecret = requireEnv("WEBHOOK_SECRET", isDev ? DEV_WEBHOOK_SECRET : undefined);

  if (!isDev && webhookSecret === DEV_WEBHOOK_SECRET) {
    throw new Error("refusing to start with the development webhook secret");
  }

  return {
    port: Number(env.PORT ?? 8080),
    apiKeys: (env.BILLING_API_KEYS ?? "").split(",").filter(Boolean),
    webhookSecret,
    ledgerUrl: env.LEDGER_URL ?? "https://ledger.internal.acme.io",
    reportsDir: env.REPORTS_DIR ?? "/Users/dmitri.volkov/dev/billing-api/reports",
    auditLog: env.AUDIT_LOG ?? path.join(os.tmpdir(), "billing-audit.log"),
    apiKeyHeader: "x-acme-api-key",
  };
}
