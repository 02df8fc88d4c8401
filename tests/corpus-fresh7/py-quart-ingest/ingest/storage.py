import json
import logging
from datetime import datetime, timezone
from pathlib import Path

import asyncpg

log = logging.getLogger(__name__)


class Store:
    def __init__(self, pool: asyncpg.Pool):
        self.pool = pool

    async def insert_batch(self, source: str, events: list[dict]) -> int:
        async with self.pool.acquire() as conn:
            async with conn.transaction():
                await conn.executemany(
                    "INSERT INTO events (source, payload, received_at) VALUES ($1, $2, $3)",
                    [(source, json.dumps(e), datetime.now(timezone.utc)) for e in events],
                )
        return len(events)

    async def delete_job(self, job_id: str) -> bool:
        result = await self.pool.execute("DELETE FROM export_jobs WHERE id = $1", job_id)
        return result.endswith(" 1")

    async def purge_older_than(self, days: int) -> int:
        result = await self.pool.execute(
            "DELETE FROM events WHERE received_at < now() - make_interval(days => $1)", days
        )
        return int(result.split()[-1])


def spool_to_disk(spool_dir: Path, source: str, events: list[dict]) -> Path:
    """Write a batch to the local spool when the database is unavailable."""
    spool_dir.mkdir(parents=True, exist_ok=True)
    target = spool_dir / f"{source}-{datetime.now(timezone.utc):%Y%m%dT%H%M%S%f}.jsonl"
    with target.open("w", encoding="utf-8") as fh:
        for event in events:
            fh.write(json.dumps(event) + "\n")
    return target
