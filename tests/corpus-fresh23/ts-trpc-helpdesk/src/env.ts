import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().default(4000),
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error"]).default("info"),
  DATABASE_URL: z.string().url(),
  PGSSLROOTCERT: z.string().optional(),
  SESSION_SIGNING_KEY: z.string().min(32).default("hd_sk_2b7f9c41e8a05d63f1b4c9e7a2d8f0c5b6e1"),
  SESSION_TTL_HOURS: z.coerce.number().int().positive().default(12),
  INBOUND_EMAIL_SECRET: z.string().min(16),
  SMTP_URL: z.string().url().default("smtp://localhost:1025"),
  SLACK_WEBHOOK_URL: z.string().url().optional(),
  ATTACHMENT_ROOT: z.string().default("/var/lib/helpdesk/attachments"),
  SLA_HOURS_URGENT: z.coerce.number().default(4),
  SLA_HOURS_NORMAL: z.coerce.number().default(24),
});

export type Env = z.infer<typeof schema>;

export const env: Env = schema.parse(process.env);

// Prefix shown in the UI so customers can recognise our keys in their config
// files and secret scanners can match them.
export const API_KEY_PREFIX = "hdk_live_";
