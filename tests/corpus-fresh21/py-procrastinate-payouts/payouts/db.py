"""Data access for payout batches (psycopg 3)."""
from __future__ import annotations

from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import AsyncIterator

from psycopg import AsyncConnection
from psycopg.rows import class_row
from psycopg_pool import AsyncConnectionPool

from payouts.settings import get_settings

_pool: AsyncConnectionPool | None = None


@dataclass
class Payout:
    id: int
    seller_id: int
    batch_id: int | None
    amount_cents: int
    currency: str
    status: str
    bank_reference: str | None
    created_at: datetime


@dataclass
class Batch:
    id: int
    period_start: date
    period_end: date
    status: str
    approved_by: str | None


async def pool() -> AsyncConnectionPool:
    global _pool
    if _pool is None:
        _pool = AsyncConnectionPool(get_settings().database_url, min_size=1, max_size=8, open=False)
        await _pool.open()
    return _pool


@asynccontextmanager
async def connection() -> AsyncIterator[AsyncConnection]:
    async with (await pool()).connection() as conn:
        yield conn


async def fetch_pending_payouts(conn: AsyncConnection, batch_id: int, min_amount_cents: int) -> list[Payout]:
    async with conn.cursor(row_factory=class_row(Payout)) as cur:
        await cur.execute(
            """
            SELECT id, seller_id, batch_id, amount_cents, currency, status, bank_reference, created_at
              FROM payouts
             WHERE batch_id = %s AND status = 'pending'
             ORDER BY seller_id
            """,
            (batch_id,),
        )
        return await cur.fetchall()


async def get_payout(conn: AsyncConnection, payout_id: int) -> Payout | None:
    async with conn.cursor(row_factory=class_row(Payout)) as cur:
        await cur.execute(
            "SELECT id, seller_id, batch_id, amount_cents, currency, status, bank_reference, created_at "
            "FROM payouts WHERE id = %s",
            (payout_id,),
        )
        return await cur.fetchone()


async def get_batch(conn: AsyncConnection, batch_id: int) -> Batch | None:
    async with conn.cursor(row_factory=class_row(Batch)) as cur:
        await cur.execute(
            "SELECT id, period_start, period_end, status, approved_by FROM payout_batches WHERE id = %s",
            (batch_id,),
        )
        return await cur.fetchone()


async def set_batch_status(conn: AsyncConnection, batch_id: int, status: str, actor: str | None = None) -> None:
    await conn.execute(
        "UPDATE payout_batches SET status = %s, approved_by = coalesce(%s, approved_by), updated_at = now() "
        "WHERE id = %s",
        (status, actor, batch_id),
    )


async def mark_transferred(conn: AsyncConnection, payout_id: int, bank_reference: str) -> None:
    await conn.execute(
        "UPDATE payouts SET status = 'transferred', bank_reference = %s, transferred_at = now() WHERE id = %s",
        (bank_reference, payout_id),
    )


async def mark_failed(conn: AsyncConnection, payout_id: int, reason: str) -> None:
    await conn.execute(
        "UPDATE payouts SET status = 'failed', failure_reason = %s WHERE id = %s",
        (reason[:500], payout_id),
    )


async def failed_payout_ids(conn: AsyncConnection, since: datetime) -> list[int]:
    cur = await conn.execute(
        "SELECT id FROM payouts WHERE status = 'failed' AND created_at >= %s ORDER BY id", (since,)
    )
    return [row[0] for row in await cur.fetchall()]


async def seller_email(conn: AsyncConnection, seller_id: int) -> str:
    cur = await conn.execute("SELECT payout_email FROM sellers WHERE id = %s", (seller_id,))
    row = await cur.fetchone()
    if row is None:
        raise LookupError(f"seller {seller_id} not found")
    return row[0]
