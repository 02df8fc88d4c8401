from __future__ import annotations

import logging
from typing import Any

import asyncpg

log = logging.getLogger(__name__)

_pool: asyncpg.Pool | None = None


async def init_pool(dsn: str) -> asyncpg.Pool:
    global _pool
    _pool = await asyncpg.create_pool(dsn, min_size=2, max_size=10, command_timeout=10)
    return _pool


async def close_pool() -> None:
    if _pool is not None:
        await _pool.close()


def pool() -> asyncpg.Pool:
    if _pool is None:
        raise RuntimeError("database pool not initialised")
    return _pool


async def fetch_orders(customer_id: str | None, status: str | None, limit: int) -> list[dict[str, Any]]:
    query = "SELECT id, customer_id, status, total_cents, created_at FROM orders"
    args: list[Any] = []
    clauses = []
    if customer_id:
        args.append(customer_id)
        clauses.append(f"customer_id = ${len(args)}")
    if status:
        args.append(status)
        clauses.append(f"status = ${len(args)}")
    if clauses:
        query += " WHERE " + " AND ".join(clauses)
    args.append(limit)
    query += f" ORDER BY created_at DESC LIMIT ${len(args)}"
    rows = await pool().fetch(query, *args)
    return [dict(r) for r in rows]


async def write_audit(actor: str, action: str, subject: str) -> None:
    await pool().execute(
        "INSERT INTO audit_log (actor, action, subject) VALUES ($1, $2, $3)", actor, action, subject
    )
