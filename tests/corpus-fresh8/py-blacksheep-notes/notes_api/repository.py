from __future__ import annotations

from typing import Any, Optional

import asyncpg


class NotesRepository:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def list_for_owner(self, owner: str, *, limit: int = 50) -> list[dict[str, Any]]:
        rows = await self._pool.fetch(
            "SELECT id, title, body, tags, updated_at FROM notes WHERE owner = $1 ORDER BY updated_at DESC LIMIT $2",
            owner,
            limit,
        )
        return [dict(r) for r in rows]

    async def insert(self, note: dict[str, Any]) -> None:
        await self._pool.execute(
            "INSERT INTO notes (id, owner, title, body, tags) VALUES ($1, $2, $3, $4, $5)",
            note["id"], note["owner"], note["title"], note["body"], note["tags"],
        )

    async def delete(self, note_id: str, *, owner: str) -> bool:
        result = await self._pool.execute("DELETE FROM notes WHERE id = $1 AND owner = $2", note_id, owner)
        return result.endswith(" 1")

    async def mark_for_reindex(self, note_id: str) -> None:
        await self._pool.execute("INSERT INTO reindex_queue (note_id) VALUES ($1) ON CONFLICT DO NOTHING", note_id)

    async def queue_full_reindex(self) -> int:
        result = await self._pool.execute("INSERT INTO reindex_queue (note_id) SELECT id FROM notes ON CONFLICT DO NOTHING")
        return int(result.split()[-1])

    async def stats(self, owner: Optional[str] = None) -> dict[str, int]:
        row = await self._pool.fetchrow(
            "SELECT count(*) AS notes, count(DISTINCT owner) AS owners FROM notes WHERE ($1::text IS NULL OR owner = $1)",
            owner,
        )
        return dict(row)
