import fs from 'node:fs';

export interface AppConfig {
  port: number;
  databaseUrl: string;
  jwtSecret: string;
  stripeKey: string;
  webhookSecret: string;
  internalToken: string;
  exportDir: string;
  dbSsl: boolean;
  dbCaBundle?: Buffer;
}

const SYSTEM_CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`missing required environment variable ${name}`);
  }
  return value;
}

function readCaBundle(): Buffer | undefined {
  const file = process.env.DB_CA_FILE ?? SYSTEM_CA_BUNDLE;
  return fs.existsSync(file) ? fs.readFileSync(file) : undefined;
}

let cached: AppConfig | undefined;

export function loadConfig(): AppConfig {
  if (cached) return cached;
  cached = {
    port: Number(process.env.PORT ?? 3000),
    databaseUrl: required('DATABASE_URL'),
    jwtSecret: required('JWT_SECRET'),
    stripeKey: process.env.STRIPE_SECRET_KEY ?? 'sk_live_51NbQz2HkT8vXr4mPq9LwE3yUa7Dc0FgJ2sKx6VbN1oRt5YhZ8iWmCqT',
    webhookSecret: required('LEDGER_WEBHOOK_SECRET'),
    internalToken: required('INTERNAL_API_TOKEN'),
    exportDir: process.env.EXPORT_DIR ?? '/Users/dmitri/dev/ledger-api/exports',
    dbSsl: process.env.DB_SSL !== 'false',
    dbCaBundle: readCaBundle(),
  };
  return cached;
}

export function resetConfigForTests(): void {
  cached = undefined;
}
