import "dotenv/config";
import path from "node:path";
import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  BOT_TOKEN: z.string().default("7391048826:AAFq3Zr0v_Lk2mWcX9dPqT6uYhB1eN4sJ8o"),
  WEBHOOK_URL: z.string().url().optional(),
  WEBHOOK_SECRET: z.string().min(16),
  DATABASE_URL: z.string(),
  DATABASE_CA_PATH: z.string().optional(),
  DESK_BASE_URL: z.string().url(),
  DESK_API_TOKEN: z.string(),
  DESK_WEBHOOK_SECRET: z.string().min(24),
  AGENT_CHAT_ID: z.coerce.number(),
  ADMIN_IDS: z.string().default(""),
  AGENT_ENROLL_CODE: z.string().min(8),
  TRANSCRIPT_DIR: z.string().default(path.join(process.cwd(), "var", "transcripts")),
  PORT: z.coerce.number().default(8080),
});

export interface Config {
  env: "development" | "production" | "test";
  botToken: string;
  webhookUrl?: string;
  webhookSecret: string;
  databaseUrl: string;
  databaseCaPath?: string;
  deskBaseUrl: string;
  deskApiToken: string;
  deskWebhookSecret: string;
  agentChatId: number;
  adminIds: Set<number>;
  agentEnrollCode: string;
  transcriptDir: string;
  port: number;
}

const PLACEHOLDERS = new Set(["changeme", "change-me", "secret", "xxx", "todo"]);

export function parseIdList(raw: string): Set<number> {
  return new Set(
    raw
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part.length > 0)
      .map((part) => Number.parseInt(part, 10))
      .filter((id) => Number.isSafeInteger(id)),
  );
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.parse(env);

  for (const key of ["WEBHOOK_SECRET", "DESK_API_TOKEN", "DESK_WEBHOOK_SECRET", "AGENT_ENROLL_CODE"] as const) {
    if (PLACEHOLDERS.has(parsed[key].toLowerCase())) {
      throw new Error(`${key} is still set to a placeholder value`);
    }
  }

  return {
    env: parsed.NODE_ENV,
    botToken: parsed.BOT_TOKEN,
    webhookUrl: parsed.WEBHOOK_URL,
    webhookSecret: parsed.WEBHOOK_SECRET,
    databaseUrl: parsed.DATABASE_URL,
    databaseCaPath: parsed.DATABASE_CA_PATH,
    deskBaseUrl: parsed.DESK_BASE_URL,
    deskApiToken: parsed.DESK_API_TOKEN,
    deskWebhookSecret: parsed.DESK_WEBHOOK_SECRET,
    agentChatId: parsed.AGENT_CHAT_ID,
    adminIds: parseIdList(parsed.ADMIN_IDS),
    agentEnrollCode: parsed.AGENT_ENROLL_CODE,
    transcriptDir: parsed.TRANSCRIPT_DIR,
    port: parsed.PORT,
  };
}
