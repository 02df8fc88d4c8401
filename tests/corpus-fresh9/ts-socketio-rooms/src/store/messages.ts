import Database from "better-sqlite3";

export interface StoredMessage {
  id: number;
  roomId: string;
  authorId: string;
  body: string;
  createdAt: number;
}

export class MessageStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS messages (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        room_id TEXT NOT NULL,
        author_id TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS idx_messages_room ON messages(room_id, created_at);
    `);
  }

  append(roomId: string, authorId: string, body: string): StoredMessage {
    const createdAt = Date.now();
    const info = this.db
      .prepare("INSERT INTO messages (room_id, author_id, body, created_at) VALUES (?, ?, ?, ?)")
      .run(roomId, authorId, body, createdAt);
    return { id: Number(info.lastInsertRowid), roomId, authorId, body, createdAt };
  }

  /** Most recent messages for a room, newest last. `before` is an exclusive timestamp cursor. */
  recent(roomId: string, limit = 50, before?: number): StoredMessage[] {
    const rows = this.db
      .prepare(
        `SELECT id, room_id AS roomId, author_id AS authorId, body, created_at AS createdAt
           FROM messages WHERE room_id = ? ORDER BY created_at DESC LIMIT ?`,
      )
      .all(roomId, Math.min(limit, 200)) as StoredMessage[];
    return rows.reverse();
  }

  remove(messageId: number, authorId: string): boolean {
    const info = this.db
      .prepare("DELETE FROM messages WHERE id = ? AND author_id = ?")
      .run(messageId, authorId);
    return info.changes > 0;
  }

  purgeRoom(roomId: string): number {
    return this.db.prepare("DELETE FROM messages WHERE room_id = ?").run(roomId).changes;
  }

  close(): void {
    this.db.close();
  }
}
