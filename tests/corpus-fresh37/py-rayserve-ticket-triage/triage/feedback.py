import logging
from dataclasses import dataclass
from datetime import datetime

from psycopg.rows import dict_row
from psycopg_pool import AsyncConnectionPool

logger = logging.getLogger("triage.feedback")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS triage_feedback (
    id BIGSERIAL PRIMARY KEY,
    ticket_id TEXT NOT NULL,
    predicted_queue TEXT NOT NULL,
    actual_queue TEXT NOT NULL,
    model_version TEXT NOT NULL,
    ticket_text TEXT,
    submitted_by TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
)
"""


@dataclass(frozen=True)
class Feedback:
    ticket_id: str
    predicted_queue: str
    actual_queue: str
    model_version: str
    ticket_text: str | None
    submitted_by: str


class FeedbackStore:
    def __init__(self, dsn: str, min_size: int = 1, max_size: int = 4) -> None:
        self._pool = AsyncConnectionPool(dsn, min_size=min_size, max_size=max_size, open=False)

    async def open(self) -> None:
        await self._pool.open(wait=True, timeout=30)
        async with self._pool.connection() as conn:
            await conn.execute(_SCHEMA)

    async def close(self) -> None:
        await self._pool.close()

    async def add(self, feedback: Feedback) -> int:
        async with self._pool.connection() as conn:
            cursor = await conn.execute(
                """
                INSERT INTO triage_feedback
                    (ticket_id, predicted_queue, actual_queue, model_version, ticket_text, submitted_by)
                VALUES (%s, %s, %s, %s, %s, %s)
                RETURNING id
                """,
                (
                    feedback.ticket_id,
                    feedback.predicted_queue,
                    feedback.actual_queue,
                    feedback.model_version,
                    feedback.ticket_text,
                    feedback.submitted_by,
                ),
            )
            row = await cursor.fetchone()
            return int(row[0])

    async def export(self, since: datetime | None = None, limit: int = 10_000) -> list[dict]:
        async with self._pool.connection() as conn:
            conn.row_factory = dict_row
            cursor = await conn.execute(
                """
                SELECT ticket_id, predicted_queue, actual_queue, model_version,
                       ticket_text, submitted_by, created_at
                FROM triage_feedback
                WHERE (%s::timestamptz IS NULL OR created_at >= %s)
                ORDER BY created_at
                LIMIT %s
                """,
                (since, since, limit),
            )
            return await cursor.fetchall()

    async def agreement_rate(self, model_version: str) -> float | None:
        async with self._pool.connection() as conn:
            cursor = await conn.execute(
                """
                SELECT avg(CASE WHEN predicted_queue = actual_queue THEN 1.0 ELSE 0.0 END)
                FROM triage_feedback WHERE model_version = %s
                """,
                (model_version,),
            )
            row = await cursor.fetchone()
            return float(row[0]) if row and row[0] is not None else None
