import { readFileSync } from "fs";

export interface AppConfig {
  port: number;
  databaseUrl: string;
  jwtSecret: string;
  webhookSecret: string;
  serviceApiKey: string;
  dbInsecureTls: boolean;
  exportDir: string;
}

function bool(v: string | undefined): boolean {
  return v === "1" || v === "true";
}

function readSecretFile(path: string | undefined): string | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(path, "utf8").trim();
  } catch (err) {
    throw new Error(`unable to read secret file ${path}: ${(err as Error).message}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    throw new Error("DATABASE_URL is required");
  }
  return {
    port: Number(env.PORT ?? 3000),
    databaseUrl,
    jwtSecret: env.JWT_SECRET ?? "b7e4c1f09a2d4e8f93c5a6d1e0f7b2c8a9d3e5f1c7b4a2e6",
    webhookSecret: readSecretFile(env.WEBHOOK_SECRET_FILE) ?? env.WEBHOOK_SIGNING_SECRET ?? "",
    serviceApiKey: readSecretFile(env.SERVICE_API_KEY_FILE) ?? "",
    dbInsecureTls: bool(env.DB_INSECURE_TLS),
    exportDir: env.EXPORT_DIR ?? "/tmp/notes-export",
  };
}
