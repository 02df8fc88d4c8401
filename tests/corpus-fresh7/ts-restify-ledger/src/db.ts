import { Pool } from "pg";

export interface Account {
  id: string;
  name: string;
  balanceCents: number;
  deletedAt: Date | null;
}

export interface AuditEntry {
  actor: string;
  action: string;
  subject: string;
}

export class LedgerStore {
  constructor(private readonly pool: Pool) {}

  async listAccounts(limit: number, afterId?: string): Promise<Account[]> {
    const { rows } = await this.pool.query<Account>(
      `SELECT id, name, balance_cents AS "balanceCents", deleted_at AS "deletedAt"
         FROM accounts
        WHERE ($2::text IS NULL OR id > $2)
        ORDER BY id
        LIMIT $1`,
      [limit, afterId ?? null],
    );
    return rows;
  }

  async getAccount(id: string): Promise<Account | undefined> {
    const { rows } = await this.pool.query<Account>(
      `SELECT id, name, balance_cents AS "balanceCents", deleted_at AS "deletedAt"
         FROM accounts WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  async softDelete(id: string): Promise<boolean> {
    const res = await this.pool.query(
      "UPDATE accounts SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL",
      [id],
    );
    return (res.rowCount ?? 0) > 0;
  }

  async writeAudit(entry: AuditEntry): Promise<void> {
    await this.pool.query(
      "INSERT INTO audit_log (actor, action, subject) VALUES ($1, $2, $3)",
      [entry.actor, entry.action, entry.subject],
    );
  }
}
