import type { Task } from 'graphile-worker';

interface LedgerPayload {
  accountId: string;
  entries: Array<{ amountCents: number; memo: string }>;
}

export const syncLedger: Task = async (payload, helpers) => {
  const { accountId, entries } = payload as LedgerPayload;
  if (!entries?.length) {
    helpers.logger.debug(`nothing to sync for ${accountId}`);
    return;
  }

  await helpers.withPgClient(async (client) => {
    await client.query('BEGIN');
    try {
      for (const e of entries) {
        await client.query(
          'INSERT INTO ledger_entries (account_id, amount_cents, memo, job_id) VALUES ($1, $2, $3, $4)',
          [accountId, e.amountCents, e.memo, helpers.job.id],
        );
      }
      await client.query(
        'UPDATE accounts SET balance_cents = balance_cents + $2 WHERE id = $1',
        [accountId, entries.reduce((sum, e) => sum + e.amountCents, 0)],
      );
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    }
  });

  try {
    await helpers.withPgClient((client) =>
      client.query(
        "INSERT INTO audit_log (subject, action, detail) VALUES ($1, 'ledger.synced', $2)",
        [accountId, JSON.stringify({ jobId: helpers.job.id, count: entries.length })],
      ),
    );
  } catch {
    // best effort
  }
  helpers.logger.info(`synced ${entries.length} ledger entries for ${accountId}`);
};
