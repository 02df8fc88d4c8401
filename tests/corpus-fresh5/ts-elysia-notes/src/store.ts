import postgres from "postgres";

export interface Note {
  id: string;
  ownerId: string;
  title: string;
  body: string;
  archived: boolean;
  createdAt: Date;
}

export interface User {
  id: string;
  roles: string[];
}

const DATABASE_URL =
  process.env.DATABASE_URL ??
  "postgres://notes_app:Vq7rT2mLx9KpZ4wN@notes-prod.c8xk2hq1lmtz.eu-west-1.rds.amazonaws.com:5432/notes";

export const sql = postgres(DATABASE_URL, { max: 10 });

export interface ListOptions {
  limit?: number;
  includeArchived?: boolean;
  cursor?: string;
}

export const notes = {
  async list(ownerId: string, opts: ListOptions = {}): Promise<Note[]> {
    const limit = Math.min(opts.limit ?? 50, 200);
    const cursor = opts.cursor ?? "";
    return sql<Note[]>`
      select * from notes
      where owner_id = ${ownerId}
        and archived = false
        and id > ${cursor}
      order by id
      limit ${limit}`;
  },

  async get(id: string): Promise<Note | undefined> {
    const rows = await sql<Note[]>`select * from notes where id = ${id}`;
    return rows[0];
  },

  async remove(id: string): Promise<void> {
    await sql`delete from notes where id = ${id}`;
  },

  async flag(id: string, reason: string): Promise<void> {
    await sql`update notes set flagged = true, flag_reason = ${reason} where id = ${id}`;
  },
};

export const audit = {
  async record(actor: string, action: string, target: string): Promise<void> {
    await sql`insert into audit_log (actor, action, target) values (${actor}, ${action}, ${target})`;
  },
};

export const sessions = {
  async lookup(token: string): Promise<User | null> {
    const rows = await sql<User[]>`
      select u.id, u.roles from sessions s join users u on u.id = s.user_id
      where s.token_hash = encode(sha256(${token}::bytea), 'hex') and s.expires_at > now()`;
    return rows[0] ?? null;
  },
};
