from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

import asyncpg

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS warnings (
    id          BIGSERIAL PRIMARY KEY,
    guild_id    BIGINT NOT NULL,
    user_id     BIGINT NOT NULL,
    moderator_id BIGINT NOT NULL,
    reason      TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS warnings_guild_user ON warnings (guild_id, user_id);

CREATE TABLE IF NOT EXISTS tickets (
    channel_id  BIGINT PRIMARY KEY,
    guild_id    BIGINT NOT NULL,
    owner_id    BIGINT NOT NULL,
    claimed_by  BIGINT,
    topic       TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'open',
    transcript_url TEXT,
    opened_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    closed_at   TIMESTAMPTZ
);

CREATE TABLE IF NOT EXISTS event_signups (
    event_id    TEXT NOT NULL,
    user_id     BIGINT NOT NULL,
    starts_at   TIMESTAMPTZ NOT NULL,
    reminded    BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (event_id, user_id)
);

CREATE TABLE IF NOT EXISTS supporters (
    kofi_transaction_id TEXT PRIMARY KEY,
    discord_user_id BIGINT,
    amount NUMERIC(10, 2) NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
"""


@dataclass(frozen=True)
class Warning:
    id: int
    user_id: int
    moderator_id: int
    reason: str
    created_at: dt.datetime


class Store:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    @classmethod
    async def connect(cls, dsn: str) -> "Store":
        pool = await asyncpg.create_pool(dsn, min_size=1, max_size=5, command_timeout=10)
        async with pool.acquire() as conn:
            await conn.execute(SCHEMA)
        return cls(pool)

    async def close(self) -> None:
        await self.pool.close()

    async def add_warning(self, guild_id: int, user_id: int, moderator_id: int, reason: str) -> int:
        return await self.pool.fetchval(
            "INSERT INTO warnings (guild_id, user_id, moderator_id, reason) VALUES ($1, $2, $3, $4) RETURNING id",
            guild_id,
            user_id,
            moderator_id,
            reason,
        )

    async def warnings_for(self, guild_id: int, user_id: int, limit: int = 25) -> list[Warning]:
        rows = await self.pool.fetch(
            "SELECT id, user_id, moderator_id, reason, created_at FROM warnings "
            "WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2",
            user_id,
            limit,
        )
        return [Warning(**dict(r)) for r in rows]

    async def delete_warning(self, guild_id: int, warning_id: int) -> bool:
        status = await self.pool.execute(
            "DELETE FROM warnings WHERE guild_id = $1 AND id = $2", guild_id, warning_id
        )
        return status.endswith(" 1")

    async def open_ticket(self, channel_id: int, guild_id: int, owner_id: int, topic: str) -> None:
        await self.pool.execute(
            "INSERT INTO tickets (channel_id, guild_id, owner_id, topic) VALUES ($1, $2, $3, $4)",
            channel_id,
            guild_id,
            owner_id,
            topic,
        )

    async def get_ticket(self, channel_id: int) -> asyncpg.Record | None:
        return await self.pool.fetchrow("SELECT * FROM tickets WHERE channel_id = $1", channel_id)

    async def claim_ticket(self, channel_id: int, staff_id: int) -> None:
        await self.pool.execute(
            "UPDATE tickets SET claimed_by = $2 WHERE channel_id = $1", channel_id, staff_id
        )

    async def close_ticket(self, channel_id: int, transcript_url: str | None) -> None:
        await self.pool.execute(
            "UPDATE tickets SET status = 'closed', closed_at = now(), transcript_url = $2 WHERE channel_id = $1",
            channel_id,
            transcript_url,
        )

    async def open_tickets_for(self, guild_id: int, owner_id: int) -> int:
        return await self.pool.fetchval(
            "SELECT count(*) FROM tickets WHERE guild_id = $1 AND owner_id = $2 AND status = 'open'",
            guild_id,
            owner_id,
        )

    async def signup(self, event_id: str, user_id: int, starts_at: dt.datetime) -> bool:
        status = await self.pool.execute(
            "INSERT INTO event_signups (event_id, user_id, starts_at) VALUES ($1, $2, $3) "
            "ON CONFLICT DO NOTHING",
            event_id,
            user_id,
            starts_at,
        )
        return status.endswith(" 1")

    async def due_reminders(self, within: dt.timedelta) -> list[asyncpg.Record]:
        return await self.pool.fetch(
            "SELECT event_id, user_id, starts_at FROM event_signups "
            "WHERE NOT reminded AND starts_at BETWEEN now() AND now() + $1::interval",
            within,
        )

    async def mark_reminded(self, event_id: str, user_id: int) -> None:
        await self.pool.execute(
            "UPDATE event_signups SET reminded = true WHERE event_id = $1 AND user_id = $2", event_id, user_id
        )

    async def record_supporter(self, transaction_id: str, discord_user_id: int | None, amount: str) -> bool:
        status = await self.pool.execute(
            "INSERT INTO supporters (kofi_transaction_id, discord_user_id, amount) VALUES ($1, $2, $3::numeric) "
            "ON CONFLICT DO NOTHING",
            transaction_id,
            discord_user_id,
            amount,
        )
        return status.endswith(" 1")
