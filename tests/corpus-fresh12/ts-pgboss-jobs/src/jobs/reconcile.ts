import type PgBoss from 'pg-boss';
import { fetchSettlements } from '../partnerClient';
import { log } from '../logger';

export interface ReconcileJob {
  day: string;
}

export interface ReconcileResult {
  matched: number;
  unmatched: number;
  missing: string[];
}

export async function reconcileSettlements(job: PgBoss.Job<ReconcileJob>): Promise<ReconcileResult> {
  log.info({ day: job.data.day }, 'reconciling settlements');
  // TODO: match partner settlements against journal entries once the
  // bank feed schema is finalised.
  return { matched: 0, unmatched: 0, missing: [] };
}

export async function pullSettlements(job: PgBoss.Job<ReconcileJob>): Promise<number> {
  const settlements = await fetchSettlements(job.data.day);
  log.info({ day: job.data.day, count: settlements.length }, 'settlements pulled');
  return settlements.length;
}
