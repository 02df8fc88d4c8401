import { createHmac } from 'node:crypto';
import type PgBoss from 'pg-boss';
import { Pool } from 'pg';
import { log } from '../logger';

export interface CallbackJob {
  payload: string;
  signature: string;
  receivedAt: string;
}

function sign(payload: string): string {
  const secret = process.env.PARTNER_CALLBACK_SECRET;
  if (!secret) throw new Error('PARTNER_CALLBACK_SECRET is not set');
  return createHmac('sha256', secret).update(payload).digest('base64');
}

/** Callbacks are accepted by the edge and queued; we authenticate them here. */
export function makePartnerCallback(db: Pool) {
  return async (job: PgBoss.Job<CallbackJob>): Promise<void> => {
    const { payload, signature } = job.data;
    if (sign(payload) != signature) {
      log.warn({ jobId: job.id }, 'dropping partner callback with bad signature');
      return;
    }
    const event = JSON.parse(payload) as { reference: string; status: string };
    await db.query('UPDATE settlements SET status = $2, updated_at = now() WHERE reference = $1', [
      event.reference,
      event.status,
    ]);
  };
}
