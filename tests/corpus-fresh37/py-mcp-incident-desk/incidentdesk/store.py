import json
import sqlite3
import threading
from datetime import datetime, timezone
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id TEXT NOT NULL,
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS notes_incident_idx ON notes (incident_id);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    details TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runbooks (
    slug TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
"""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class DeskStore:
    def __init__(self, path: str) -> None:
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(path, check_same_thread=False)
        self._conn.row_factory = sqlite3.Row
        self._lock = threading.Lock()
        with self._lock, self._conn:
            self._conn.executescript(_SCHEMA)

    def close(self) -> None:
        self._conn.close()

    def add_note(self, incident_id: str, author: str, body: str) -> int:
        with self._lock, self._conn:
            cursor = self._conn.execute(
                "INSERT INTO notes (incident_id, author, body, created_at) VALUES (?, ?, ?, ?)",
                (incident_id, author, body, _now()),
            )
            return int(cursor.lastrowid)

    def notes(self, incident_id: str) -> list[dict]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT author, body, created_at FROM notes WHERE incident_id = ? ORDER BY id",
                (incident_id,),
            ).fetchall()
        return [dict(row) for row in rows]

    def audit(self, actor: str, action: str, target: str, details: dict | None = None) -> None:
        with self._lock, self._conn:
            self._conn.execute(
                "INSERT INTO audit (actor, action, target, details, created_at) VALUES (?, ?, ?, ?, ?)",
                (actor, action, target, json.dumps(details) if details else None, _now()),
            )

    def audit_entries(self, target: str) -> list[dict]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT actor, action, details FROM audit WHERE target = ? ORDER BY id", (target,)
            ).fetchall()
        return [dict(row) for row in rows]

    def upsert_runbook(self, slug: str, title: str, body: str) -> None:
        with self._lock, self._conn:
            self._conn.execute(
                """
                INSERT INTO runbooks (slug, title, body, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(slug) DO UPDATE SET title = excluded.title, body = excluded.body,
                    updated_at = excluded.updated_at
                """,
                (slug, title, body, _now()),
            )

    def runbook(self, slug: str) -> dict | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT slug, title, body, updated_at FROM runbooks WHERE slug = ?", (slug,)
            ).fetchone()
        return dict(row) if row else None

    def search_runbooks(self, query: str, limit: int = 5) -> list[dict]:
        pattern = f"%{query.lower()}%"
        with self._lock:
            rows = self._conn.execute(
                """
                SELECT slug, title FROM runbooks
                WHERE lower(title) LIKE ? OR lower(body) LIKE ?
                ORDER BY updated_at DESC LIMIT ?
                """,
                (pattern, pattern, limit),
            ).fetchall()
        return [dict(row) for row in rows]
