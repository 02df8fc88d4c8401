import PgBoss from 'pg-boss';
import { log } from './logger';

export interface BossOptions {
  databaseUrl?: string;
  /** Skip server certificate verification. Only for local docker databases. */
  insecure?: boolean;
  schema?: string;
}

const DEFAULT_DATABASE_URL =
  'postgres://ledger_jobs:Wq8#tZ4vLm2pRx9s@ledger-prod.cluster-c8x2k1.eu-west-1.rds.amazonaws.com:5432/ledger';

export async function startBoss(opts: BossOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: opts.databaseUrl ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    schema: opts.schema ?? 'pgboss',
    ssl: opts.insecure ? { rejectUnauthorized: false } : true,
    archiveCompletedAfterSeconds: 60 * 60 * 24,
    retentionDays: 14,
  });
  if (opts.insecure) {
    log.warn('TLS verification disabled for pg-boss connection (--insecure)');
  }
  boss.on('error', (err) => log.error({ err }, 'pg-boss error'));
  await boss.start();
  return boss;
}
