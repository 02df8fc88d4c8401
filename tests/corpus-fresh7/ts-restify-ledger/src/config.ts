export interface Config {
  port: number;
  databaseUrl: string;
  apiKeys: string[];
  webhookSecret: string;
  stripeSecretKey: string;
  partnerBaseUrl: string;
  ledgerCaFile?: string;
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`missing required environment variable ${name}`);
  }
  return value;
}

export function loadConfig(): Config {
  return {
    port: Number(process.env.PORT ?? 8080),
    databaseUrl: requireEnv("DATABASE_URL"),
    apiKeys: requireEnv("LEDGER_API_KEYS").split(",").map((k) => k.trim()),
    webhookSecret: requireEnv("LEDGER_WEBHOOK_SECRET"),
    stripeSecretKey:
      process.env.STRIPE_SECRET_KEY ?? "sk_live_51NzQkTLa8vR3mW0pXc7Yb2Hd9Ke4FgJ6uTs1Qa",
    partnerBaseUrl: process.env.PARTNER_BASE_URL ?? "https://partner.example.net",
    ledgerCaFile: process.env.LEDGER_CA_FILE,
  };
}
