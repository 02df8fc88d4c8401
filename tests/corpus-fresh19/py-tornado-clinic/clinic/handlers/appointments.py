from __future__ import annotations

import datetime as dt

import asyncpg
import structlog
import tornado.web

from clinic import db
from clinic.handlers.base import BaseHandler

log = structlog.get_logger(__name__)


def _parse_day(raw: str | None) -> dt.date:
    if not raw:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(raw)
    except ValueError as exc:
        raise tornado.web.HTTPError(400, reason="day must be YYYY-MM-DD") from exc


class AppointmentListHandler(BaseHandler):
    @tornado.web.authenticated
    async def get(self) -> None:
        day = _parse_day(self.get_query_argument("day", None))
        status = self.get_query_argument("status", None)
        rows = await db.list_appointments(self.pool, self.current_user["clinic_id"], day, status=status)
        self.write_json({"day": day.isoformat(), "appointments": [dict(r) for r in rows]})

    @tornado.web.authenticated
    async def post(self) -> None:
        body = self.json_body()
        try:
            starts_at = dt.datetime.fromisoformat(body["starts_at"])
            patient_id = int(body["patient_id"])
        except (KeyError, TypeError, ValueError) as exc:
            raise tornado.web.HTTPError(400, reason="starts_at and patient_id are required") from exc
        user = self.current_user
        try:
            appointment_id = await db.create_appointment(
                self.pool, user["clinic_id"], patient_id, starts_at, str(body.get("reason", "")), user["id"]
            )
        except asyncpg.UniqueViolationError as exc:
            raise tornado.web.HTTPError(409, reason="slot already booked") from exc
        try:
            await db.record_audit(
                self.pool, user["id"], "appointment.create", f"appointment:{appointment_id}", {"patient_id": patient_id}
            )
        except Exception:
            pass
        if self.notifier is not None:
            self.notifier.schedule_confirmation(appointment_id)
        log.info("appointment.created", appointment_id=appointment_id, clinic_id=user["clinic_id"])
        self.write_json({"id": appointment_id}, status=201)


class SlotsHandler(BaseHandler):
    @tornado.web.authenticated
    async def get(self) -> None:
        day = _parse_day(self.get_query_argument("day", None))
        duration = int(self.get_query_argument("duration", "20"))
        if duration not in (10, 15, 20, 30, 45, 60):
            raise tornado.web.HTTPError(400, reason="unsupported duration")
        slots = await db.fetch_free_slots(self.pool, self.current_user["clinic_id"], day, duration)
        self.write_json({"slots": [s.isoformat() for s in slots]})


class AppointmentHandler(BaseHandler):
    @tornado.web.authenticated
    async def get(self, appointment_id: str) -> None:
        row = await db.get_appointment(self.pool, int(appointment_id))
        if row is None or row["clinic_id"] != self.current_user["clinic_id"]:
            raise tornado.web.HTTPError(404)
        self.write_json(dict(row))

    async def delete(self, appointment_id: str) -> None:
        reason = self.get_query_argument("reason", "cancelled by staff")
        if not await db.cancel_appointment(self.pool, int(appointment_id), reason):
            raise tornado.web.HTTPError(409, reason="appointment is not booked")
        log.info("appointment.cancelled", appointment_id=appointment_id)
        self.set_status(204)
        self.finish()


class RescheduleHandler(BaseHandler):
    @tornado.web.authenticated
    async def post(self, appointment_id: str) -> None:
        raise NotImplementedError("rescheduling is handled by the front desk for now")
