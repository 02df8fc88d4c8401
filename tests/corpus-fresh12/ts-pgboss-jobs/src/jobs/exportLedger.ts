import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type PgBoss from 'pg-boss';
import { Pool } from 'pg';
import { log } from '../logger';

export interface ExportJob {
  day: string;
  format?: 'csv' | 'jsonl';
}

const ARCHIVE_ROOT = process.env.LEDGER_ARCHIVE_DIR ?? '/home/gitlab-runner/builds/finance/ledger-jobs/archive';

export function makeExportLedger(db: Pool) {
  return async function exportLedger(job: PgBoss.Job<ExportJob>): Promise<{ file: string; rows: number }> {
    const { day, format = 'csv' } = job.data;
    const { rows } = await db.query(
      'SELECT account_id, amount_cents, currency, posted_at FROM journal WHERE posted_on = $1 ORDER BY posted_at',
      [day],
    );

    const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'ledger-export-'));
    const tmpFile = path.join(scratch, `ledger-${day}.${format}`);
    const body =
      format === 'csv'
        ? ['account_id,amount_cents,currency,posted_at', ...rows.map((r) => `${r.account_id},${r.amount_cents},${r.currency},${r.posted_at}`)].join('\n')
        : rows.map((r) => JSON.stringify(r)).join('\n');
    await fs.writeFile(tmpFile, body, 'utf8');

    const finalFile = path.join(ARCHIVE_ROOT, path.basename(tmpFile));
    await fs.mkdir(ARCHIVE_ROOT, { recursive: true });
    await fs.rename(tmpFile, finalFile);
    log.info({ day, rows: rows.length, finalFile }, 'ledger exported');
    return { file: finalFile, rows: rows.length };
  };
}
