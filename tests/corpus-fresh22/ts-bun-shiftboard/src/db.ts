import { Database } from "bun:sqlite";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { config } from "./config";
import { log } from "./log";

export type Role = "staff" | "lead" | "manager";

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  site_id: number;
  phone: string | null;
  timezone: string;
}

export interface Shift {
  id: number;
  site_id: number;
  user_id: number | null;
  starts_at: string;
  ends_at: string;
  note: string | null;
}

const MIGRATIONS = [
  `CREATE TABLE IF NOT EXISTS users (
     id INTEGER PRIMARY KEY,
     email TEXT NOT NULL UNIQUE,
     name TEXT NOT NULL,
     password_hash TEXT NOT NULL,
     role TEXT NOT NULL DEFAULT 'staff',
     site_id INTEGER NOT NULL,
     phone TEXT,
     timezone TEXT NOT NULL DEFAULT 'Europe/Berlin'
   )`,
  `CREATE TABLE IF NOT EXISTS sessions (
     token_hash TEXT PRIMARY KEY,
     user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     expires_at TEXT NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS shifts (
     id INTEGER PRIMARY KEY,
     site_id INTEGER NOT NULL,
     user_id INTEGER REFERENCES users(id),
     starts_at TEXT NOT NULL,
     ends_at TEXT NOT NULL,
     note TEXT
   )`,
  `CREATE TABLE IF NOT EXISTS audit_log (
     id INTEGER PRIMARY KEY,
     actor_id INTEGER,
     action TEXT NOT NULL,
     detail TEXT,
     at TEXT NOT NULL DEFAULT (datetime('now'))
   )`,
];

export function openDatabase(path = config.dbPath): Database {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { create: true, strict: true });
  db.exec("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;");

  try {
    db.transaction(() => {
      for (const sql of MIGRATIONS) db.run(sql);
    })();
  } catch (err) {
    log.error("migration failed", { path, error: String(err) });
    throw err;
  }
  return db;
}

export const db = openDatabase();
