import type pg from "pg";
import type { Freeze } from "../lib/freezeWindow.js";

interface FreezeRow {
  id: number;
  owner: string;
  repo: string;
  reason: string;
  starts_at: Date;
  ends_at: Date;
  created_by: string;
  lifted_at: Date | null;
}

function toFreeze(row: FreezeRow): Freeze {
  return {
    id: row.id,
    owner: row.owner,
    repo: row.repo,
    reason: row.reason,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    createdBy: row.created_by,
    liftedAt: row.lifted_at,
  };
}

export class FreezeStore {
  constructor(private readonly pool: pg.Pool) {}

  async listActive(owner: string, repo: string): Promise<Freeze[]> {
    const { rows } = await this.pool.query<FreezeRow>(
      `SELECT * FROM freezes
        WHERE owner = $1 AND repo = $2 AND lifted_at IS NULL AND ends_at > now()
        ORDER BY ends_at DESC`,
      [owner, repo],
    );
    return rows.map(toFreeze);
  }

  async listAll(limit: number): Promise<Freeze[]> {
    const { rows } = await this.pool.query<FreezeRow>(
      "SELECT * FROM freezes ORDER BY starts_at DESC LIMIT $1",
      [limit],
    );
    return rows.map(toFreeze);
  }

  async create(input: Omit<Freeze, "id" | "liftedAt">): Promise<Freeze> {
    const { rows } = await this.pool.query<FreezeRow>(
      `INSERT INTO freezes (owner, repo, reason, starts_at, ends_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [input.owner, input.repo, input.reason, input.startsAt, input.endsAt, input.createdBy],
    );
    return toFreeze(rows[0]);
  }

  async lift(id: number, liftedBy: string): Promise<boolean> {
    const result = await this.pool.query(
      "UPDATE freezes SET lifted_at = now(), lifted_by = $2 WHERE id = $1 AND lifted_at IS NULL",
      [id, liftedBy],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async liftAll(owner: string, repo: string, liftedBy: string): Promise<number> {
    const result = await this.pool.query(
      `UPDATE freezes SET lifted_at = now(), lifted_by = $3
        WHERE owner = $1 AND repo = $2 AND lifted_at IS NULL`,
      [owner, repo, liftedBy],
    );
    return result.rowCount ?? 0;
  }
}
