import Database from "better-sqlite3";

export interface StoredSession {
  id: string;
  shop: string;
  accessToken: string;
  scope: string;
  isOnline: boolean;
  expiresAt: number | null;
}

export class SessionStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS shopify_sessions (
        id TEXT PRIMARY KEY,
        shop TEXT NOT NULL,
        access_token TEXT NOT NULL,
        scope TEXT NOT NULL,
        is_online INTEGER NOT NULL DEFAULT 0,
        expires_at INTEGER
      );
      CREATE INDEX IF NOT EXISTS shopify_sessions_shop ON shopify_sessions (shop);
    `);
  }

  store(session: StoredSession): void {
    this.db
      .prepare(
        `INSERT INTO shopify_sessions (id, shop, access_token, scope, is_online, expires_at)
         VALUES (@id, @shop, @accessToken, @scope, @isOnline, @expiresAt)
         ON CONFLICT(id) DO UPDATE SET access_token = excluded.access_token, scope = excluded.scope, expires_at = excluded.expires_at`,
      )
      .run({ ...session, isOnline: session.isOnline ? 1 : 0 });
  }

  loadOffline(shop: string): StoredSession | undefined {
    const row = this.db
      .prepare(`SELECT * FROM shopify_sessions WHERE id = ? AND is_online = 0`)
      .get(`offline_${shop}`) as Record<string, unknown> | undefined;
    if (!row) {
      return undefined;
    }
    return {
      id: String(row.id),
      shop: String(row.shop),
      accessToken: String(row.access_token),
      scope: String(row.scope),
      isOnline: false,
      expiresAt: row.expires_at === null ? null : Number(row.expires_at),
    };
  }

  deleteByShop(shop: string): number {
    return this.db.prepare(`DELETE FROM shopify_sessions WHERE shop = ?`).run(shop).changes;
  }

  close(): void {
    this.db.close();
  }
}

export const sessionStore = new SessionStore("/home/deploy/bundler/shared/sessions.sqlite");
