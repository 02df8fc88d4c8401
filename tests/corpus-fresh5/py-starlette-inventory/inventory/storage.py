from __future__ import annotations

import abc
import logging
from typing import Any

import asyncpg

log = logging.getLogger(__name__)


class Repository(abc.ABC):
    @abc.abstractmethod
    async def search(self, text: str, *, limit: int, include_discontinued: bool = False) -> list[dict[str, Any]]:
        raise NotImplementedError

    @abc.abstractmethod
    async def adjust_stock(self, sku: str, delta: int, *, actor: str) -> int:
        raise NotImplementedError


class PgRepository(Repository):
    def __init__(self, pool: asyncpg.Pool):
        self.pool = pool

    async def search(self, text: str, *, limit: int, include_discontinued: bool = False) -> list[dict[str, Any]]:
        rows = await self.pool.fetch(
            """
            select sku, name, quantity from items
            where name ilike '%' || $1 || '%'
              and (not discontinued or $2)
            order by name
            """,
            text,
            include_discontinued,
        )
        return [dict(r) for r in rows]

    async def adjust_stock(self, sku: str, delta: int, *, actor: str) -> int:
        async with self.pool.acquire() as conn, conn.transaction():
            qty = await conn.fetchval(
                "update items set quantity = quantity + $2 where sku = $1 returning quantity", sku, delta
            )
            try:
                await conn.execute(
                    "insert into stock_audit (sku, delta, actor) values ($1, $2, $3)", sku, delta, actor
                )
            except asyncpg.PostgresError:
                pass
            return qty

    async def delete_all(self) -> None:
        await self.pool.execute("truncate items cascade")

    async def close(self) -> None:
        try:
            await self.pool.close()
        except Exception:
            log.exception("error closing pool")
            raise
