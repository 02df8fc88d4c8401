import type { TaskList } from 'graphile-worker';
import type { Transporter } from 'nodemailer';

import type { RunnerConfig } from '../config.js';
import { makeCleanupReports } from './cleanup.js';
import { reindexSearch } from './reindex-search.js';
import { makeSendReceipt } from './send-receipt.js';
import { syncLedger } from './sync-ledger.js';

export const CRONTAB = [
  '0 3 * * * reindex_search ?max=1 {"index":"products"}',
  '30 4 * * * cleanup_reports',
].join('\n');

export function buildTaskList(config: RunnerConfig, mailer: Transporter): TaskList {
  return {
    send_receipt: makeSendReceipt(mailer),
    sync_ledger: syncLedger,
    reindex_search: reindexSearch,
    cleanup_reports: makeCleanupReports(config.reportDir),
  };
}
