from __future__ import annotations

import abc
import json
import logging
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

import asyncpg

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Entry:
    id: int
    account_id: str
    amount: Decimal
    memo: str
    created_at: datetime


class LedgerBackend(abc.ABC):
    @abc.abstractmethod
    async def list_entries(self, account_id: str, since: datetime | None = None, limit: int = 100) -> list[Entry]:
        raise NotImplementedError

    @abc.abstractmethod
    async def post_transfer(self, src: str, dst: str, amount: Decimal, memo: str, actor: str) -> int:
        raise NotImplementedError


class PostgresLedger(LedgerBackend):
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def list_entries(self, account_id: str, since: datetime | None = None, limit: int = 100) -> list[Entry]:
        rows = await self.pool.fetch(
            "SELECT id, account_id, amount, memo, created_at FROM entries"
            " WHERE account_id = $1 ORDER BY created_at DESC LIMIT $2",
            account_id,
            limit,
        )
        return [Entry(**dict(r)) for r in rows]

    async def post_transfer(self, src: str, dst: str, amount: Decimal, memo: str, actor: str) -> int:
        async with self.pool.acquire() as conn:
            async with conn.transaction():
                transfer_id = await conn.fetchval(
                    "INSERT INTO transfers (src, dst, amount, memo) VALUES ($1, $2, $3, $4) RETURNING id",
                    src,
                    dst,
                    amount,
                    memo,
                )
                await conn.execute(
                    "INSERT INTO entries (account_id, amount, memo) VALUES ($1, $2, $3), ($4, $5, $3)",
                    src,
                    -amount,
                    memo,
                    dst,
                    amount,
                )
            try:
                await conn.execute(
                    "INSERT INTO audit_log (actor, action, payload) VALUES ($1, 'transfer', $2)",
                    actor,
                    json.dumps({"id": transfer_id, "src": src, "dst": dst, "amount": str(amount)}),
                )
            except Exception:
                pass
        return transfer_id


async def close_pool(pool: asyncpg.Pool) -> None:
    try:
        await pool.close()
    except (OSError, asyncpg.InterfaceError) as exc:
        # Shutting down anyway; a pool whose connections already died cannot be closed cleanly.
        log.debug("ignoring error while closing pool: %s", exc)
