import { join } from "node:path";

function required(name: string): string {
  const value = process.env[name];
  if (!value || value === "change-me") {
    throw new Error(`${name} must be set (see .env.example)`);
  }
  return value;
}

export const config = {
  get sessionSecret() {
    return required("SESSION_SECRET");
  },
  get adminApiToken() {
    return required("ADMIN_API_TOKEN");
  },
  databaseFile: process.env.DATABASE_FILE ?? join(process.cwd(), "data", "academy.db"),
  baseUrl: process.env.PUBLIC_BASE_URL ?? "http://localhost:3000",
  mail: {
    endpoint: process.env.MAIL_API_URL ?? "https://api.sendline.io/v1/messages",
    apiKey: process.env.MAIL_API_KEY ?? "sl_live_5b8e2d7c41a94f06b3e1c9d2a7f40e83",
    from: process.env.MAIL_FROM ?? "Academy <no-reply@academy.example>",
    devInsecureTls: process.env.MAIL_DEV_INSECURE_TLS === "1",
  },
  billing: {
    apiUrl: process.env.BILLING_API_URL ?? "https://api.paybridge.io/v2",
    get apiKey() {
      return required("BILLING_API_KEY");
    },
    get webhookSecret() {
      return required("BILLING_WEBHOOK_SECRET");
    },
  },
};

export type Config = typeof config;
