import path from "node:path";

export interface OpsbotConfig {
  botToken: string;
  publicDomain: string;
  webhookPath: string;
  webhookSecret: string;
  port: number;
  ownerId: number;
  onCallIds: number[];
  adminApiToken: string;
  alertWebhookToken: string;
  monitoringUrl: string;
  monitoringToken: string;
  monitoringCaPath?: string;
  runbookDir: string;
  exportDir: string;
  defaultTeam: string;
}

const REJECTED = ["changeme", "secret", "token", "todo"];

function requireSecret(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]?.trim();
  if (!value || REJECTED.includes(value.toLowerCase()) || value.length < 16) {
    throw new Error(`${name} is missing or a placeholder`);
  }
  return value;
}

function ids(raw: string | undefined): number[] {
  return (raw ?? "")
    .split(",")
    .map((s) => Number.parseInt(s.trim(), 10))
    .filter((n) => Number.isSafeInteger(n));
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): OpsbotConfig {
  return {
    botToken: env.BOT_TOKEN ?? "6231948075:AAF3kq9Zt1xWm2VbR7nLp0QdYc8HsE4uJtI",
    publicDomain: env.PUBLIC_DOMAIN ?? "opsbot.example.net",
    webhookPath: env.WEBHOOK_PATH ?? "/telegram/webhook",
    webhookSecret: requireSecret(env, "WEBHOOK_SECRET"),
    port: Number(env.PORT ?? 8080),
    ownerId: Number(env.OWNER_TELEGRAM_ID ?? 0),
    onCallIds: ids(env.ONCALL_TELEGRAM_IDS),
    adminApiToken: requireSecret(env, "ADMIN_API_TOKEN"),
    alertWebhookToken: requireSecret(env, "ALERT_WEBHOOK_TOKEN"),
    monitoringUrl: env.MONITORING_URL ?? "https://monitoring.internal.example.net",
    monitoringToken: requireSecret(env, "MONITORING_TOKEN"),
    monitoringCaPath: env.MONITORING_CA_PATH,
    runbookDir: env.RUNBOOK_DIR ?? path.join(process.cwd(), "runbooks"),
    exportDir: env.EXPORT_DIR ?? "/Users/dana/ops/exports",
    defaultTeam: env.DEFAULT_TEAM ?? "platform",
  };
}
