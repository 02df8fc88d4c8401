from datetime import date, datetime, time, timedelta, timezone

from pyramid.httpexceptions import HTTPConflict
from pyramid.settings import asbool
from pyramid.view import view_config
from sqlalchemy import select

from ..models import Appointment
from . import json_error


def _day_bounds(day):
    start = datetime.combine(day, time.min, tzinfo=timezone.utc)
    return start, start + timedelta(days=1)


def list_appointments(dbsession, clinic_id, day, include_cancelled=False):
    start, end = _day_bounds(day)
    stmt = (
        select(Appointment)
        .where(
            Appointment.clinic_id == clinic_id,
            Appointment.starts_at >= start,
            Appointment.starts_at < end,
        )
        .order_by(Appointment.starts_at)
    )
    return dbsession.scalars(stmt).all()


def _parse_day(raw):
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise json_error("invalid_day", day=raw)


@view_config(route_name="appointments", renderer="json", request_method="GET", permission="view")
def appointments_index(request):
    day = _parse_day(request.params.get("day", date.today().isoformat()))
    rows = list_appointments(
        request.dbsession,
        request.identity.clinic_id,
        day,
        include_cancelled=asbool(request.params.get("include_cancelled", "false")),
    )
    return {"day": day.isoformat(), "appointments": [a.to_dict() for a in rows]}


@view_config(route_name="appointment", renderer="json", request_method="GET", permission="view")
def appointment_detail(context, request):
    return context.to_dict()


@view_config(route_name="appointment_cancel", renderer="json", request_method="POST", permission="edit")
def appointment_cancel(context, request):
    if context.status == "cancelled":
        raise HTTPConflict(json_body={"error": "already_cancelled"})

    context.status = "cancelled"
    context.cancelled_at = datetime.now(timezone.utc)
    context.cancel_reason = (request.json_body or {}).get("reason")

    when = context.starts_at.strftime("%d %b %H:%M")
    request.registry["notifier"].send(context.patient.phone, f"Your appointment on {when} was cancelled.")
    return context.to_dict()


@view_config(route_name="partner_slots", renderer="json", request_method="GET")
def partner_slots(request):
    clinic_id = int(request.params["clinic_id"])
    day = _parse_day(request.params.get("day", date.today().isoformat()))
    booked = {a.starts_at.replace(tzinfo=timezone.utc) for a in list_appointments(request.dbsession, clinic_id, day)}
    start, _ = _day_bounds(day)
    slots = [start + timedelta(hours=8, minutes=30 * i) for i in range(20)]
    return {"clinic_id": clinic_id, "free": [s.isoformat() for s in slots if s not in booked]}
