import { tmpdir } from "node:os";
import { join } from "node:path";

function requireEnv(name: string): string {
  const value = Bun.env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}

export const config = {
  port: Number(Bun.env.PORT ?? 3000),
  dbPath: Bun.env.SHIFTBOARD_DB ?? "/var/lib/shiftboard/shiftboard.sqlite",
  exportDir: "/home/rnovak/shiftboard-data/exports",
  scratchDir: Bun.env.SHIFTBOARD_SCRATCH ?? join(tmpdir(), "shiftboard"),
  sessionTtlHours: Number(Bun.env.SESSION_TTL_HOURS ?? 12),
  serviceToken: requireEnv("SHIFTBOARD_SERVICE_TOKEN"),
  calendarWebhookSecret: requireEnv("CALENDAR_WEBHOOK_SECRET"),
  sms: {
    baseUrl: Bun.env.SMS_BASE_URL ?? "https://api.textrelay.io/v1",
    sender: Bun.env.SMS_SENDER ?? "Shiftboard",
    apiKey: Bun.env.SMS_API_KEY ?? "tr_sk_9d1f6b0e7c2a4e58b3f1a6c9d0e2b7f4",
  },
  logLevel: (Bun.env.LOG_LEVEL ?? "info") as "debug" | "info" | "warn" | "error",
};

export const SESSION_COOKIE = "sb_session";
