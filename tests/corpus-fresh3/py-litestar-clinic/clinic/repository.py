from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date

import asyncpg


@dataclass
class Patient:
    id: int
    full_name: str
    phone: str
    birth_date: date
    archived: bool = False

    def as_dict(self) -> dict:
        d = asdict(self)
        d["birth_date"] = self.birth_date.isoformat()
        return d


class PatientRepository:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def search(self, *, name: str, limit: int, archived: bool | None = False) -> list[Patient]:
        sql = "SELECT id, full_name, phone, birth_date, archived FROM patients WHERE full_name ILIKE $1"
        args: list = [f"%{name}%"]
        if archived is not None:
            sql += " AND archived = $2"
            args.append(archived)
        sql += f" ORDER BY full_name LIMIT {int(limit)}"
        rows = await self._pool.fetch(sql, *args)
        return [Patient(**dict(r)) for r in rows]

    async def get(self, patient_id: int) -> Patient | None:
        row = await self._pool.fetchrow(
            "SELECT id, full_name, phone, birth_date, archived FROM patients WHERE id = $1", patient_id
        )
        return Patient(**dict(row)) if row else None

    async def archive(self, patient_id: int) -> bool:
        status = await self._pool.execute("UPDATE patients SET archived = true WHERE id = $1", patient_id)
        return status.endswith(" 1")

    async def purge(self, patient_id: int) -> None:
        async with self._pool.acquire() as conn, conn.transaction():
            await conn.execute("DELETE FROM visits WHERE patient_id = $1", patient_id)
            await conn.execute("DELETE FROM patients WHERE id = $1", patient_id)


class AuditLog:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def record(self, action: str, **details) -> None:
        await self._pool.execute(
            "INSERT INTO audit_log (action, details) VALUES ($1, $2::jsonb)", action, json.dumps(details)
        )

    async def recent(self, limit: int = 100) -> list[dict]:
        rows = await self._pool.fetch("SELECT * FROM audit_log ORDER BY id DESC LIMIT $1", limit)
        return [dict(r) for r in rows]
