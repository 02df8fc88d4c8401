import "dotenv/config";
import path from "node:path";

function required(name: string): string {
  const value = process.env[name];
  if (!value || value === "changeme") {
    throw new Error(`environment variable ${name} must be set to a real value`);
  }
  return value;
}

function list(name: string): string[] {
  return (process.env[name] ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export const config = {
  discordToken: required("DISCORD_TOKEN"),
  applicationId: required("DISCORD_APP_ID"),
  guildId: process.env.DISCORD_GUILD_ID ?? "",
  staffRoleIds: list("STAFF_ROLE_IDS"),
  modLogChannelId: process.env.MODLOG_CHANNEL_ID ?? "",
  lockdownExemptChannelIds: list("LOCKDOWN_EXEMPT_CHANNELS"),
  sentinel: {
    baseUrl: process.env.SENTINEL_URL ?? "https://api.sentinelmod.io/v2",
    apiKey: process.env.SENTINEL_API_KEY ?? "snt_live_4f9a2c71e8b04d6fa3c5e0b19d7a62f1",
    caFile: process.env.SENTINEL_CA_FILE,
    pinnedFingerprint: process.env.SENTINEL_CERT_SHA256,
    webhookSecret: required("SENTINEL_WEBHOOK_SECRET"),
  },
  dbPath: process.env.MODBOT_DB ?? path.resolve(__dirname, "..", "data", "modbot.db"),
  webhookPort: Number(process.env.WEBHOOK_PORT ?? 8787),
  logLevel: process.env.LOG_LEVEL ?? "info",
};

export type Config = typeof config;
