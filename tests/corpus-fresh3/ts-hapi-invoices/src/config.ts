import { readFileSync } from 'node:fs';

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string;
  apiKeys: string[];
  pdfRendererUrl: string;
  stripeWebhookSecret: string;
  adminEmails: string[];
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function readSecretFile(path: string | undefined): string | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (err) {
    // surface a clear message; a misconfigured secret mount should stop the boot
    throw new Error(`cannot read secret file ${path}: ${(err as Error).message}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL ?? 'postgres://localhost:5432/invoices',
    apiKeys: list(env.API_KEYS),
    pdfRendererUrl: env.PDF_RENDERER_URL ?? 'https://pdf-renderer.internal:8443',
    stripeWebhookSecret: readSecretFile(env.STRIPE_WEBHOOK_SECRET_FILE) ?? env.STRIPE_WEBHOOK_SECRET ?? '',
    adminEmails: list(env.ADMIN_EMAILS),
  };
}
