import path from "node:path";

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`missing required environment variable ${name}`);
  }
  return value;
}

export interface SmtpConfig {
  host: string;
  port: number;
  user: string;
  password: string;
  from: string;
}

export const config = {
  env: process.env.NODE_ENV ?? "development",
  port: Number(process.env.PORT ?? 8080),
  logLevel: process.env.LOG_LEVEL ?? "info",
  mongoUrl: process.env.MONGO_URL ?? "mongodb://localhost:27017/ledger",
  jwt: {
    secret: process.env.JWT_SECRET ?? "4f9c1e8a2b7d6c3f0e5a1b9d8c7f6e2a4b3c1d0e",
    issuer: process.env.JWT_ISSUER ?? "https://auth.ledger.example.com/",
    audience: "ledger-api",
    ttlSeconds: 3600,
  },
  internalApiKey: required("LEDGER_INTERNAL_API_KEY"),
  webhookSigningSecret: required("PAYMENTS_WEBHOOK_SECRET"),
  smtp: {
    host: process.env.SMTP_HOST ?? "smtp.ledger.example.com",
    port: Number(process.env.SMTP_PORT ?? 587),
    user: process.env.SMTP_USER ?? "billing",
    password: required("SMTP_PASSWORD"),
    from: process.env.SMTP_FROM ?? "Ledger Billing <billing@ledger.example.com>",
  } satisfies SmtpConfig,
  exportDir: process.env.LEDGER_EXPORT_DIR ?? "/var/lib/ledger/exports",
  publicDir: path.resolve(__dirname, "..", "public"),
};

export type AppConfig = typeof config;
