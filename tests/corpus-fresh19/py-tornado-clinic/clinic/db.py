from __future__ import annotations

import datetime as dt
import json
from typing import Any

import asyncpg
import structlog

log = structlog.get_logger(__name__)


async def create_pool(dsn: str) -> asyncpg.Pool:
    return await asyncpg.create_pool(dsn, min_size=2, max_size=10, command_timeout=10)


async def get_user_by_email(pool: asyncpg.Pool, email: str) -> asyncpg.Record | None:
    return await pool.fetchrow(
        "SELECT id, email, password_hash, role, clinic_id FROM staff WHERE email = $1 AND active",
        email.strip().lower(),
    )


async def get_user(pool: asyncpg.Pool, user_id: int) -> asyncpg.Record | None:
    return await pool.fetchrow("SELECT id, email, role, clinic_id FROM staff WHERE id = $1 AND active", user_id)


def _slot_window(day: dt.date, duration_minutes: int) -> tuple[dt.datetime, dt.datetime, dt.timedelta]:
    start = dt.datetime.combine(day, dt.time(8, 0), tzinfo=dt.timezone.utc)
    end = dt.datetime.combine(day, dt.time(18, 0), tzinfo=dt.timezone.utc)
    return start, end, dt.timedelta(minutes=duration_minutes)


async def fetch_free_slots(pool: asyncpg.Pool, clinic_id: int, day: dt.date, duration_minutes: int) -> list[dt.datetime]:
    start, end, step = _slot_window(day, duration_minutes)
    rows = await pool.fetch(
        """
        SELECT starts_at FROM appointments
        WHERE clinic_id = $1 AND starts_at >= $2 AND starts_at < $3 AND status <> 'cancelled'
        """,
        clinic_id,
        start,
        end,
    )
    taken = {r["starts_at"] for r in rows}
    slots: list[dt.datetime] = []
    cursor = start
    while cursor + step <= end:
        if cursor not in taken:
            slots.append(cursor)
        cursor += step
    return slots


async def list_appointments(
    pool: asyncpg.Pool, clinic_id: int, day: dt.date, status: str | None = None
) -> list[asyncpg.Record]:
    start = dt.datetime.combine(day, dt.time.min, tzinfo=dt.timezone.utc)
    return await pool.fetch(
        """
        SELECT a.id, a.patient_id, p.full_name, a.starts_at, a.status, a.reason
        FROM appointments a
        JOIN patients p ON p.id = a.patient_id
        WHERE a.clinic_id = $1 AND a.starts_at >= $2 AND a.starts_at < $2 + interval '1 day'
        ORDER BY a.starts_at
        """,
        clinic_id,
        start,
    )


async def create_appointment(
    pool: asyncpg.Pool, clinic_id: int, patient_id: int, starts_at: dt.datetime, reason: str, created_by: int
) -> int:
    return await pool.fetchval(
        """
        INSERT INTO appointments (clinic_id, patient_id, starts_at, reason, status, created_by)
        VALUES ($1, $2, $3, $4, 'booked', $5)
        RETURNING id
        """,
        clinic_id,
        patient_id,
        starts_at,
        reason,
        created_by,
    )


async def get_appointment(pool: asyncpg.Pool, appointment_id: int) -> asyncpg.Record | None:
    return await pool.fetchrow(
        """
        SELECT a.id, a.clinic_id, a.patient_id, a.starts_at, a.status, a.reason, p.full_name, p.phone
        FROM appointments a JOIN patients p ON p.id = a.patient_id
        WHERE a.id = $1
        """,
        appointment_id,
    )


async def cancel_appointment(pool: asyncpg.Pool, appointment_id: int, reason: str) -> bool:
    result = await pool.execute(
        "UPDATE appointments SET status = 'cancelled', cancel_reason = $2 WHERE id = $1 AND status = 'booked'",
        appointment_id,
        reason,
    )
    return result.endswith(" 1")


async def record_audit(pool: asyncpg.Pool, actor_id: int | None, action: str, subject: str, detail: dict[str, Any]) -> None:
    await pool.execute(
        "INSERT INTO audit_events (actor_id, action, subject, detail) VALUES ($1, $2, $3, $4::jsonb)",
        actor_id,
        action,
        subject,
        json.dumps(detail, default=str),
    )


async def recent_audit(pool: asyncpg.Pool, limit: int) -> list[asyncpg.Record]:
    return await pool.fetch(
        "SELECT id, actor_id, action, subject, detail, created_at FROM audit_events ORDER BY id DESC LIMIT $1",
        limit,
    )


async def export_patients(pool: asyncpg.Pool, clinic_id: int) -> list[asyncpg.Record]:
    return await pool.fetch(
        "SELECT id, full_name, date_of_birth, phone, email FROM patients WHERE clinic_id = $1 ORDER BY id",
        clinic_id,
    )


async def mark_result_received(pool: asyncpg.Pool, order_id: str, payload: dict[str, Any]) -> None:
    async with pool.acquire() as conn, conn.transaction():
        updated = await conn.execute(
            "UPDATE lab_orders SET status = 'resulted', result = $2::jsonb, resulted_at = now() WHERE external_id = $1",
            order_id,
            json.dumps(payload),
        )
        if not updated.endswith(" 1"):
            raise LookupError(f"unknown lab order {order_id}")
    log.info("lab_result.stored", order_id=order_id)
