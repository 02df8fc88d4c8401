from __future__ import annotations

import inspect
import logging
import sqlite3
from contextlib import contextmanager
from typing import Iterator

log = logging.getLogger(__name__)


class Repository:
    def __init__(self, path: str) -> None:
        self._path = path

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(self._path, timeout=5)
        conn.row_factory = sqlite3.Row
        try:
            yield conn
            conn.commit()
        except Exception:
            conn.rollback()
            raise
        finally:
            conn.close()

    def get_item(self, sku: str) -> dict | None:
        with self.connect() as conn:
            row = conn.execute("SELECT * FROM items WHERE sku = ?", (sku,)).fetchone()
            return dict(row) if row else None

    def list_items(self, warehouse: str, include_archived: bool = False, limit: int = 100) -> list[dict]:
        with self.connect() as conn:
            rows = conn.execute(
                "SELECT * FROM items WHERE warehouse = ? AND archived = 0 ORDER BY sku LIMIT ?",
                (warehouse, min(limit, 1000)),
            ).fetchall()
            return [dict(r) for r in rows]

    def adjust(self, sku: str, delta: int) -> int:
        with self.connect() as conn:
            cur = conn.execute(
                "UPDATE items SET quantity = quantity + ? WHERE sku = ? AND quantity + ? >= 0",
                (delta, sku, delta),
            )
            if cur.rowcount == 0:
                raise ValueError(f"cannot adjust {sku} by {delta}")
            return conn.execute("SELECT quantity FROM items WHERE sku = ?", (sku,)).fetchone()[0]

    def record_movement(self, sku: str, delta: int, reason: str, actor: str) -> None:
        with self.connect() as conn:
            conn.execute(
                "INSERT INTO movements (sku, delta, reason, actor, created_at) VALUES (?, ?, ?, ?, datetime('now'))",
                (sku, delta, reason, actor),
            )

    def device_token(self, device_id: str) -> str | None:
        with self.connect() as conn:
            row = conn.execute("SELECT token FROM devices WHERE id = ? AND revoked = 0", (device_id,)).fetchone()
            return row["token"] if row else None

    def delete_item(self, sku: str) -> None:
        with self.connect() as conn:
            conn.execute("DELETE FROM items WHERE sku = ?", (sku,))


class RepositoryPlugin:
    """Bottle plugin that injects a ``repo`` keyword into callbacks that ask for it."""

    name = "repository"
    api = 2

    def __init__(self, repo: Repository) -> None:
        self.repo = repo

    def apply(self, callback, route):
        if "repo" not in inspect.signature(route.callback).parameters:
            return callback

        def wrapper(*args, **kwargs):
            kwargs["repo"] = self.repo
            return callback(*args, **kwargs)

        return wrapper
