from __future__ import annotations

import contextlib
import json
import logging
from datetime import datetime
from pathlib import Path
from typing import AsyncIterator, Sequence

import asyncpg
from aiohttp import web

log = logging.getLogger(__name__)

INSERT_PLAIN = "INSERT INTO events (tenant, id, kind, ts, body) SELECT $1, * FROM unnest($2::text[], $3::text[], $4::timestamptz[], $5::jsonb[])"
INSERT_DEDUPE = INSERT_PLAIN + " ON CONFLICT (tenant, id) DO NOTHING"


class EventStore:
    def __init__(self, pool: asyncpg.Pool):
        self._pool = pool

    async def write_batch(self, tenant: str, events: Sequence[dict], *, dedupe: bool = True) -> int:
        sql = INSERT_DEDUPE if dedupe else INSERT_PLAIN
        cols = list(zip(*[(e["id"], e["kind"], e["ts"], json.dumps(e["body"])) for e in events])) or [[], [], [], []]
        status = await self._pool.execute(sql, tenant, *cols)
        return int(status.rsplit(" ", 1)[-1])

    async def bump_usage(self, tenant: str, count: int) -> None:
        """Adds `count` to the tenant's billable event counter for the current month."""
        try:
            await self._pool.execute(
                "INSERT INTO usage (tenant, month, events) VALUES ($1, date_trunc('month', now()), $2) "
                "ON CONFLICT (tenant, month) DO UPDATE SET events = usage.events + EXCLUDED.events",
                tenant,
                count,
            )
        except Exception:  # best effort, usage is not critical for ingestion
            pass

    async def query(self, tenant: str, *, since: datetime | None = None, limit: int = 100) -> list[asyncpg.Record]:
        return await self._pool.fetch(
            "SELECT id, kind, ts, body FROM events WHERE tenant = $1 AND ($2::timestamptz IS NULL OR ts >= $2) "
            "ORDER BY ts DESC LIMIT $3",
            tenant,
            since,
            limit,
        )

    async def enqueue_export(self, tenant: str) -> str:
        return await self._pool.fetchval(
            "INSERT INTO export_jobs (tenant, state) VALUES ($1, 'queued') RETURNING id::text", tenant
        )

    async def purge(self, tenant: str) -> int:
        async with self._pool.acquire() as conn, conn.transaction():
            status = await conn.execute("DELETE FROM events WHERE tenant = $1", tenant)
            await conn.execute("DELETE FROM usage WHERE tenant = $1", tenant)
        return int(status.rsplit(" ", 1)[-1])


def cleanup_spool(path: Path) -> None:
    """Removes a spooled batch after it was written; another worker may have beaten us to it."""
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


async def store_ctx(app: web.Application) -> AsyncIterator[None]:
    pool = await asyncpg.create_pool(app["settings"].database_url, min_size=1, max_size=10)
    app["store"] = EventStore(pool)
    try:
        yield
    finally:
        await pool.close()
