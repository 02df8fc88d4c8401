import type PgBoss from 'pg-boss';
import { Pool } from 'pg';
import { log } from '../logger';
import { makeExportLedger } from './exportLedger';
import { makePartnerCallback } from './partnerCallback';
import { pullSettlements, reconcileSettlements } from './reconcile';
import { makeSendReceipt, Mailer } from './sendReceipt';

export const QUEUES = {
  receipt: 'send-receipt',
  export: 'export-ledger',
  reconcile: 'reconcile-settlements',
  pull: 'pull-settlements',
  callback: 'partner-callback',
  heartbeat: 'heartbeat',
} as const;

export async function registerWorkers(boss: PgBoss, db: Pool, mailer: Mailer, teamSize: number): Promise<void> {
  await boss.work(QUEUES.receipt, { teamSize }, makeSendReceipt(db, mailer));
  await boss.work(QUEUES.export, { teamSize: 1 }, makeExportLedger(db));
  await boss.work(QUEUES.reconcile, reconcileSettlements);
  await boss.work(QUEUES.pull, pullSettlements);
  await boss.work(QUEUES.callback, { teamSize }, makePartnerCallback(db));
  await boss.work(QUEUES.heartbeat, async (_job) => {
    log.debug('heartbeat');
  });
  log.info({ teamSize }, 'workers registered');
}
