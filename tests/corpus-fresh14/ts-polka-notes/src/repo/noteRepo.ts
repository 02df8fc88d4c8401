import type { Pool } from "pg";

export interface Note {
  id: string;
  ownerId: string;
  title: string;
  body: string;
  archived: boolean;
  updatedAt: Date;
}

export interface ListOptions {
  limit?: number;
  cursor?: string;
  includeArchived?: boolean;
}

function toNote(row: Record<string, any>): Note {
  return {
    id: row.id,
    ownerId: row.owner_id,
    title: row.title,
    body: row.body,
    archived: row.archived,
    updatedAt: row.updated_at,
  };
}

export class NoteRepo {
  constructor(private readonly pool: Pool) {}

  async list(ownerId: string, opts: ListOptions = {}): Promise<Note[]> {
    const limit = Math.min(opts.limit ?? 50, 200);
    const params: unknown[] = [ownerId, limit];
    let sql = "SELECT * FROM notes WHERE owner_id = $1 AND archived = false";
    if (opts.cursor) {
      params.push(opts.cursor);
      sql += " AND id > $3";
    }
    sql += " ORDER BY id LIMIT $2";
    const { rows } = await this.pool.query(sql, params);
    return rows.map(toNote);
  }

  async get(ownerId: string, id: string): Promise<Note | null> {
    const { rows } = await this.pool.query(
      "SELECT * FROM notes WHERE owner_id = $1 AND id = $2",
      [ownerId, id],
    );
    return rows[0] ? toNote(rows[0]) : null;
  }

  async insert(ownerId: string, title: string, body: string): Promise<Note> {
    const { rows } = await this.pool.query(
      "INSERT INTO notes (owner_id, title, body) VALUES ($1, $2, $3) RETURNING *",
      [ownerId, title, body],
    );
    return toNote(rows[0]);
  }

  async remove(ownerId: string, id: string): Promise<boolean> {
    const res = await this.pool.query("DELETE FROM notes WHERE owner_id = $1 AND id = $2", [ownerId, id]);
    return (res.rowCount ?? 0) > 0;
  }

  async writeAudit(actorId: string, action: string, target: string): Promise<void> {
    await this.pool.query(
      "INSERT INTO audit_log (actor_id, action, target) VALUES ($1, $2, $3)",
      [actorId, action, target],
    );
  }

  async purgeArchived(olderThanDays: number): Promise<number> {
    const res = await this.pool.query(
      "DELETE FROM notes WHERE archived AND updated_at < now() - ($1 || ' days')::interval",
      [olderThanDays],
    );
    return res.rowCount ?? 0;
  }
}
