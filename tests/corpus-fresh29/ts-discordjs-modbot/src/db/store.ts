import { randomBytes, createHash } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { config } from "../config";

export interface CaseRow {
  id: number;
  guildId: string;
  userId: string;
  moderatorId: string;
  action: string;
  reason: string;
  status: "open" | "pardoned" | "escalated" | "appealed";
  appealCodeHash: string | null;
  createdAt: string;
}

const BACKUP_DIR = "/home/rdoyle/modbot/backups";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS cases (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  guild_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  moderator_id TEXT NOT NULL,
  action TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open',
  appeal_code_hash TEXT,
  expires_at TEXT,
  needs_resync INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS case_notes (case_id INTEGER NOT NULL, author_id TEXT NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL DEFAULT (datetime('now')));
CREATE TABLE IF NOT EXISTS appeals (case_id INTEGER PRIMARY KEY, statement TEXT NOT NULL, created_at TEXT NOT NULL DEFAULT (datetime('now')));
CREATE TABLE IF NOT EXISTS verdicts (guild_id TEXT, message_id TEXT, action TEXT, labels TEXT, created_at TEXT NOT NULL DEFAULT (datetime('now')));
`;

function open(file: string): Database.Database {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.exec(SCHEMA);
  return db;
}

function mapCase(row: any): CaseRow {
  return {
    id: row.id,
    guildId: row.guild_id,
    userId: row.user_id,
    moderatorId: row.moderator_id,
    action: row.action,
    reason: row.reason,
    status: row.status,
    appealCodeHash: row.appeal_code_hash,
    createdAt: row.created_at,
  };
}

export function createStore(file: string = config.dbPath) {
  const db = open(file);

  function newAppealCode(): { code: string; hash: string } {
    const code = randomBytes(5).toString("hex").toUpperCase();
    return { code, hash: createHash("sha256").update(code).digest("hex") };
  }

  return {
    recordCase(guildId: string, userId: string, moderatorId: string, action: string, reason: string): number {
      const { hash } = newAppealCode();
      const info = db
        .prepare(
          "INSERT INTO cases (guild_id, user_id, moderator_id, action, reason, appeal_code_hash) VALUES (?, ?, ?, ?, ?, ?)",
        )
        .run(guildId, userId, moderatorId, action, reason, hash);
      return Number(info.lastInsertRowid);
    },

    recordWarning(guildId: string, userId: string, moderatorId: string, reason: string, expiresAt: Date): number {
      const info = db
        .prepare("INSERT INTO cases (guild_id, user_id, moderator_id, action, reason) VALUES (?, ?, ?, 'warn', ?)")
        .run(guildId, userId, moderatorId, reason);
      return Number(info.lastInsertRowid);
    },

    activeWarnings(guildId: string, userId: string): CaseRow[] {
      return db
        .prepare(
          `SELECT * FROM cases WHERE guild_id = ? AND user_id = ? AND action = 'warn' AND status = 'open'
             AND (expires_at IS NULL OR expires_at > datetime('now'))`,
        )
        .all(guildId, userId)
        .map(mapCase);
    },

    getCase(id: number): CaseRow | undefined {
      const row = db.prepare("SELECT * FROM cases WHERE id = ?").get(id);
      return row ? mapCase(row) : undefined;
    },

    setStatus(id: number, status: CaseRow["status"]): void {
      db.prepare("UPDATE cases SET status = ? WHERE id = ?").run(status, id);
    },

    addNote(caseId: number, authorId: string, body: string): void {
      db.prepare("INSERT INTO case_notes (case_id, author_id, body) VALUES (?, ?, ?)").run(caseId, authorId, body);
    },

    openAppeal(caseId: number, statement: string): void {
      db.transaction(() => {
        db.prepare("INSERT INTO appeals (case_id, statement) VALUES (?, ?)").run(caseId, statement);
        db.prepare("UPDATE cases SET status = 'appealed' WHERE id = ?").run(caseId);
      })();
    },

    flagForResync(caseId: number): void {
      db.prepare("UPDATE cases SET needs_resync = 1 WHERE id = ?").run(caseId);
    },

    recordVerdict(guildId: string, messageId: string, action: string, labels: string[]): void {
      db.prepare("INSERT INTO verdicts (guild_id, message_id, action, labels) VALUES (?, ?, ?, ?)").run(
        guildId,
        messageId,
        action,
        JSON.stringify(labels),
      );
    },

    async backup(): Promise<string> {
      const dest = path.join(BACKUP_DIR, `modbot-${new Date().toISOString().slice(0, 10)}.db`);
      await db.backup(dest);
      return dest;
    },

    close(): void {
      db.close();
    },
  };
}

export type Store = ReturnType<typeof createStore>;
export const store: Store = createStore();
