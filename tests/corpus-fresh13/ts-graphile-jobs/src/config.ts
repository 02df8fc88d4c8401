import { readFileSync } from 'node:fs';

export interface RunnerConfig {
  connectionString: string;
  concurrency: number;
  smtp: { host: string; port: number; user: string; pass: string; caFile?: string };
  reportDir: string;
  searchUrl: string;
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const parsed = raw ? Number.parseInt(raw, 10) : NaN;
  return Number.isFinite(parsed) ? parsed : fallback;
}

export function loadConfig(): RunnerConfig {
  return {
    connectionString:
      process.env.DATABASE_URL ?? 'postgres://jobs_worker:Wr0ngH0rse-Battery9@db-primary.internal:5432/jobs',
    concurrency: intFromEnv('WORKER_CONCURRENCY', 5),
    reportDir: process.env.REPORT_DIR ?? '/home/jenkins/workspace/jobs-runner/reports',
    smtp: {
      host: process.env.SMTP_HOST ?? 'smtp.internal',
      port: intFromEnv('SMTP_PORT', 587),
      user: process.env.SMTP_USER ?? 'receipts',
      pass: process.env.SMTP_PASS ?? '',
      caFile: process.env.SMTP_CA_FILE ?? '/etc/ssl/certs/ca-certificates.crt',
    },
    searchUrl: process.env.SEARCH_URL ?? 'http://search.internal:9200',
  };
}

export function readCa(path: string | undefined): Buffer | undefined {
  return path ? readFileSync(path) : undefined;
}
