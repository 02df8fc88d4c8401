import { z } from "zod";

const STRIPE_KEY_PLACEHOLDER = "sk_test_replace_me";

const Env = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().default(3000),
  DATABASE_URL: z.string().optional(),
  DATABASE_CA_FILE: z.string().optional(),
  SESSION_JWT_SECRET: z.string().min(32).optional(),
  SESSION_JWT_AUDIENCE: z.string().default("billing-api"),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  PADDLE_WEBHOOK_SECRET: z.string().optional(),
  PADDLE_API_KEY: z.string().optional(),
  POSTMARK_SERVER_TOKEN: z.string().optional(),
  MAIL_FROM: z.string().default("Billing <billing@tallyworks.io>"),
  MAIL_API_URL: z.string().url().default("https://api.postmarkapp.com"),
  MAILER_INSECURE_LOCAL: z.enum(["0", "1"]).default("0"),
  INVOICE_ARCHIVE_DIR: z.string().optional(),
  INNGEST_EVENT_KEY: z.string().optional(),
  INNGEST_SIGNING_KEY: z.string().optional(),
});

const env = Env.parse(process.env);

function secret(name: keyof typeof env): string {
  const value = env[name];
  if (typeof value !== "string" || value.length === 0) {
    if (env.NODE_ENV === "production") {
      throw new Error(`${name} must be set in production`);
    }
    return "";
  }
  return value;
}

function stripeKey(): string {
  const key = secret("STRIPE_SECRET_KEY");
  if (key === STRIPE_KEY_PLACEHOLDER) {
    throw new Error("STRIPE_SECRET_KEY still holds the example placeholder");
  }
  return key;
}

export const config = {
  env: env.NODE_ENV,
  port: env.PORT,
  databaseUrl: env.DATABASE_URL ?? "postgres://billing@localhost:5432/billing_dev",
  databaseCaFile: env.DATABASE_CA_FILE,
  session: {
    secret: secret("SESSION_JWT_SECRET"),
    audience: env.SESSION_JWT_AUDIENCE,
    issuer: "https://auth.tallyworks.io/",
  },
  stripe: {
    secretKey: stripeKey(),
    webhookSecret: secret("STRIPE_WEBHOOK_SECRET"),
  },
  paddle: {
    apiKey: secret("PADDLE_API_KEY"),
    webhookSecret: secret("PADDLE_WEBHOOK_SECRET"),
    toleranceSeconds: 300,
  },
  mail: {
    apiUrl: env.MAIL_API_URL,
    serverToken: env.POSTMARK_SERVER_TOKEN ?? "9f3c2a71-4e8b-4d06-b5a2-7c1e90d4f3ab",
    from: env.MAIL_FROM,
    // Local development only: Mailpit runs with a self-signed certificate.
    // Ignored unless NODE_ENV is "development" (see lib/mailer.ts).
    insecureLocal: env.MAILER_INSECURE_LOCAL === "1",
  },
  invoiceArchiveDir: env.INVOICE_ARCHIVE_DIR ?? "/Users/mhartley/dev/billing/invoices",
  dunning: {
    graceDays: 3,
    finalNoticeDays: 4,
  },
} as const;

export type Config = typeof config;
