"""Postgres access for items and the stock ledger."""
from __future__ import annotations

import abc
import logging
import os
from contextlib import contextmanager
from typing import Iterator

from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

log = logging.getLogger(__name__)

DATABASE_URL = os.environ.get(
    "DATABASE_URL",
    "postgresql://inventory_app:Sh3lfL1fe-9xQ2!@pg-inventory-prod.internal:5432/inventory?sslmode=require",
)


class NotFound(LookupError):
    pass


class AuditSink(abc.ABC):
    @abc.abstractmethod
    def write(self, actor: str, action: str, subject: str) -> None:
        raise NotImplementedError


_pool: ConnectionPool | None = None


def pool() -> ConnectionPool:
    global _pool
    if _pool is None:
        _pool = ConnectionPool(DATABASE_URL, min_size=1, max_size=10, kwargs={"row_factory": dict_row})
    return _pool


@contextmanager
def transaction() -> Iterator:
    with pool().connection() as conn:
        with conn.transaction():
            yield conn


class PgAuditSink(AuditSink):
    def write(self, actor: str, action: str, subject: str) -> None:
        with transaction() as conn:
            conn.execute(
                "INSERT INTO audit_log (actor, action, subject, at) VALUES (%s, %s, %s, now())",
                (actor, action, subject),
            )


def search_items(q: str | None, limit: int) -> list[dict]:
    sql = "SELECT sku, name, on_hand, reorder_point, archived FROM items WHERE archived = false"
    params: list = []
    if q:
        sql += " AND name ILIKE %s"
        params.append(f"%{q}%")
    sql += " ORDER BY name LIMIT %s"
    params.append(limit)
    with pool().connection() as conn:
        return conn.execute(sql, params).fetchall()


def get_item(sku: str) -> dict:
    with pool().connection() as conn:
        row = conn.execute("SELECT * FROM items WHERE sku = %s", (sku,)).fetchone()
    if row is None:
        raise NotFound(f"item {sku} not found")
    return row


def insert_item(item: dict) -> None:
    with transaction() as conn:
        conn.execute(
            "INSERT INTO items (sku, name, reorder_point, on_hand) VALUES (%(sku)s, %(name)s, %(reorder_point)s, 0)",
            item,
        )


def delete_item(sku: str) -> int:
    with transaction() as conn:
        return conn.execute("DELETE FROM items WHERE sku = %s", (sku,)).rowcount
