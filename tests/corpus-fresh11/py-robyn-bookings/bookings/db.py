from __future__ import annotations

import contextlib
import logging
from datetime import datetime
from typing import Any, Iterator

from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

from .settings import settings

log = logging.getLogger(__name__)

pool = ConnectionPool(settings.database_url, min_size=1, max_size=10, open=False, kwargs={"row_factory": dict_row})


@contextlib.contextmanager
def connection() -> Iterator[Any]:
    with pool.connection() as conn:
        yield conn


def list_bookings(conn, *, clinic_id: int, status: str | None = None, since: datetime | None = None, limit: int = 100):
    sql = "SELECT id, clinic_id, patient_name, starts_at, status FROM bookings WHERE clinic_id = %s"
    params: list[Any] = [clinic_id]
    if status:
        sql += " AND status = %s"
        params.append(status)
    sql += " ORDER BY starts_at LIMIT %s"
    params.append(limit)
    return conn.execute(sql, params).fetchall()


def create_booking(conn, clinic_id: int, patient_name: str, starts_at: datetime, phone: str) -> dict:
    row = conn.execute(
        "INSERT INTO bookings (clinic_id, patient_name, starts_at, phone, status)"
        " VALUES (%s, %s, %s, %s, 'confirmed') RETURNING id, clinic_id, patient_name, starts_at, status",
        (clinic_id, patient_name, starts_at, phone),
    ).fetchone()
    conn.commit()
    return row


def cancel_booking(conn, booking_id: int, reason: str) -> bool:
    cur = conn.execute(
        "UPDATE bookings SET status = 'cancelled', cancel_reason = %s WHERE id = %s AND status <> 'cancelled'",
        (reason, booking_id),
    )
    with contextlib.suppress(Exception):
        conn.commit()
    return cur.rowcount == 1


def delete_booking(conn, booking_id: int) -> None:
    try:
        conn.execute("DELETE FROM bookings WHERE id = %s", (booking_id,))
        conn.commit()
    except Exception:
        log.exception("failed to delete booking %s", booking_id)
        conn.rollback()
        raise
