import fs from 'node:fs/promises';
import path from 'node:path';
import { Service } from 'typedi';
import { logger } from '../logger';
import { getPool } from './db';

@Service()
export class LedgerRepository {
  async balanceFor(accountId: string): Promise<{ accountId: string; balanceCents: number }> {
    const { rows } = await getPool().query(
      'SELECT COALESCE(SUM(amount_cents), 0) AS balance FROM journal WHERE account_id = $1',
      [accountId],
    );
    return { accountId, balanceCents: Number(rows[0].balance) };
  }

  async suspend(accountId: string, reason: string): Promise<void> {
    await getPool().query('UPDATE accounts SET suspended_at = now(), suspend_reason = $2 WHERE id = $1', [
      accountId,
      reason,
    ]);
  }

  async rebuildProjections(): Promise<number> {
    const client = await getPool().connect();
    try {
      await client.query('BEGIN');
      await client.query('TRUNCATE balances');
      const res = await client.query(
        'INSERT INTO balances (account_id, balance_cents) SELECT account_id, SUM(amount_cents) FROM journal GROUP BY account_id',
      );
      await client.query('COMMIT');
      return res.rowCount ?? 0;
    } catch (err) {
      await client.query('ROLLBACK');
      logger.error({ err }, 'projection rebuild rolled back');
      throw err;
    } finally {
      client.release();
    }
  }

  async exportJournal(day: string, dir: string): Promise<string> {
    const { rows } = await getPool().query(
      'SELECT account_id, amount_cents, currency, posted_at FROM journal WHERE posted_on = $1 ORDER BY posted_at',
      [day],
    );
    const file = path.join(dir, `journal-${day}.csv`);
    await fs.mkdir(dir, { recursive: true });
    const lines = rows.map((r) => [r.account_id, r.amount_cents, r.currency, r.posted_at.toISOString()].join(','));
    await fs.writeFile(file, ['account_id,amount_cents,currency,posted_at', ...lines].join('\n'), 'utf8');
    return file;
  }

  async dailyTotals(day: string) {
    const { rows } = await getPool().query(
      'SELECT currency, SUM(amount_cents) AS total FROM journal WHERE posted_on = $1 GROUP BY currency',
      [day],
    );
    return rows;
  }

  async openBalances() {
    const { rows } = await getPool().query('SELECT account_id, balance_cents FROM balances WHERE balance_cents <> 0');
    return rows;
  }
}
