export interface GuardConfig {
  databaseUrl: string;
  databaseSsl: boolean;
  databaseCaPath?: string;
  deployServiceUrl: string;
  deployServiceToken: string;
  adminToken: string;
  callbackSecret: string;
  protectedEnvironments: string[];
  defaultEnvironment: string;
}

// Values copied from .env.example that must never reach a running instance.
const PLACEHOLDERS = new Set(["", "changeme", "replace-me", "xxx"]);

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (value === undefined || PLACEHOLDERS.has(value.trim().toLowerCase())) {
    throw new Error(`${name} must be set to a real value`);
  }
  return value;
}

function list(value: string | undefined, fallback: string[]): string[] {
  if (!value) return fallback;
  return value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): GuardConfig {
  return {
    databaseUrl: required(env, "DATABASE_URL"),
    databaseSsl: env.DATABASE_SSL !== "false",
    databaseCaPath: env.DATABASE_CA_PATH,
    deployServiceUrl: env.DEPLOY_SERVICE_URL ?? "https://deploy.acme-platform.dev",
    deployServiceToken: env.DEPLOY_SERVICE_TOKEN ?? "dsk_live_8f3b2c91e04d4a7fb6c2e55d1a9f7c30",
    adminToken: required(env, "RELEASE_GUARD_ADMIN_TOKEN"),
    callbackSecret: required(env, "DEPLOY_CALLBACK_SECRET"),
    protectedEnvironments: list(env.PROTECTED_ENVIRONMENTS, ["production"]),
    defaultEnvironment: env.DEFAULT_ENVIRONMENT ?? "staging",
  };
}
