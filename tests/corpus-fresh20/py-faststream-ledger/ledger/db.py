import logging
from datetime import date
from decimal import Decimal
from uuid import UUID

import asyncpg

from ledger.models import Direction, Posting

logger = logging.getLogger(__name__)


class DuplicateTransfer(Exception):
    pass


async def create_pool(dsn: str) -> asyncpg.Pool:
    return await asyncpg.create_pool(dsn, min_size=2, max_size=10, command_timeout=15)


async def insert_postings(pool: asyncpg.Pool, postings: list[Posting], fx_rate: Decimal | None) -> None:
    async with pool.acquire() as conn, conn.transaction():
        try:
            await conn.execute(
                "INSERT INTO transfers (id, fx_rate, created_at) VALUES ($1, $2, now())",
                postings[0].transfer_id,
                fx_rate,
            )
        except asyncpg.UniqueViolationError as exc:
            raise DuplicateTransfer(str(postings[0].transfer_id)) from exc

        await conn.executemany(
            "INSERT INTO postings (transfer_id, account, direction, amount_minor, currency) VALUES ($1, $2, $3, $4, $5)",
            [(p.transfer_id, p.account, p.direction.value, p.amount_minor, p.currency) for p in postings],
        )
        for p in postings:
            delta = p.amount_minor if p.direction is Direction.CREDIT else -p.amount_minor
            await conn.execute(
                "UPDATE accounts SET balance_minor = balance_minor + $1, updated_at = now() WHERE id = $2",
                delta,
                p.account,
            )


async def account_currency(pool: asyncpg.Pool, account: str) -> str | None:
    return await pool.fetchval("SELECT currency FROM accounts WHERE id = $1", account)


async def balance(pool: asyncpg.Pool, account: str) -> tuple[int, str] | None:
    row = await pool.fetchrow("SELECT balance_minor, currency FROM accounts WHERE id = $1", account)
    return (row["balance_minor"], row["currency"]) if row else None


async def adjust_balance(pool: asyncpg.Pool, account: str, delta_minor: int, reason: str, actor: str) -> None:
    async with pool.acquire() as conn, conn.transaction():
        await conn.execute(
            "UPDATE accounts SET balance_minor = balance_minor + $1, updated_at = now() WHERE id = $2",
            delta_minor,
            account,
        )
        await conn.execute(
            "INSERT INTO adjustments (account, delta_minor, reason, actor, created_at) VALUES ($1, $2, $3, $4, now())",
            account,
            delta_minor,
            reason,
            actor,
        )


async def statement_rows(pool: asyncpg.Pool, account: str, since: date, until: date) -> list[asyncpg.Record]:
    return await pool.fetch(
        """
        SELECT t.created_at, p.transfer_id, p.direction, p.amount_minor, p.currency
        FROM postings p JOIN transfers t ON t.id = p.transfer_id
        WHERE p.account = $1 AND t.created_at::date BETWEEN $2 AND $3
        ORDER BY t.created_at
        """,
        account,
        since,
        until,
    )


async def mark_transfer_seen(pool: asyncpg.Pool, transfer_id: UUID) -> bool:
    try:
        await pool.execute("INSERT INTO seen_transfers (id) VALUES ($1)", transfer_id)
    except asyncpg.UniqueViolationError:
        logger.info("transfer %s already processed, skipping redelivery", transfer_id)
        return False
    return True
