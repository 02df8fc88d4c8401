from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Optional

import asyncpg

log = logging.getLogger(__name__)


class AuditLog:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def write(self, *, actor: Optional[str], method: str, path: str, status: int) -> None:
        async with self._pool.acquire() as conn:
            await conn.execute(
                "INSERT INTO audit_log (actor, method, path, status, at) VALUES ($1, $2, $3, $4, $5)",
                actor,
                method,
                path,
                status,
                datetime.now(timezone.utc),
            )

    async def prune(self, older_than_days: int) -> int:
        try:
            async with self._pool.acquire() as conn:
                result = await conn.execute(
                    "DELETE FROM audit_log WHERE at < now() - make_interval(days => $1)", older_than_days
                )
        except asyncpg.PostgresError:
            log.exception("audit prune failed")
            raise
        return int(result.split()[-1])
