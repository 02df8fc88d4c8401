import logging
from datetime import datetime, timedelta

from pyramid.httpexceptions import HTTPBadRequest, HTTPConflict, HTTPForbidden, HTTPNotFound
from pyramid.view import view_config
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..insurance import InsuranceClient, InsuranceUnavailable
from ..models import Appointment, AuditEntry, Doctor
from ..resources import AppointmentResource

log = logging.getLogger(__name__)

CANCELLATION_WINDOW = timedelta(hours=24)


def serialize(appt):
    return {
        "id": appt.id,
        "clinic_id": appt.clinic_id,
        "doctor": {"id": appt.doctor.id, "name": appt.doctor.name},
        "patient_id": appt.patient_user_id,
        "starts_at": appt.starts_at.isoformat(),
        "duration_minutes": appt.duration_minutes,
        "status": appt.status,
        "reason": appt.reason,
    }


def load_appointment(request):
    appt = request.dbsession.execute(
        select(Appointment)
        .options(joinedload(Appointment.doctor))
        .where(Appointment.id == int(request.matchdict["id"]))
    ).scalar_one_or_none()
    if appt is None:
        raise HTTPNotFound(json_body={"error": "appointment not found"})
    return appt


def ensure_access(request, appt, permission):
    if not request.has_permission(permission, AppointmentResource(appt)):
        raise HTTPForbidden(json_body={"error": "not allowed"})


def audit(request, action, appt, detail=None):
    request.dbsession.add(
        AuditEntry(
            actor=str(request.authenticated_userid),
            action=action,
            target=f"appointment:{appt.id}",
            detail=detail,
        )
    )


@view_config(route_name="appointments", request_method="GET", renderer="json", permission="view")
def list_appointments(request):
    identity = request.identity
    query = select(Appointment).options(joinedload(Appointment.doctor)).order_by(Appointment.starts_at)

    if identity["role"] == "patient":
        query = query.where(Appointment.patient_user_id == identity["userid"])
    elif identity["role"] == "doctor":
        query = query.where(Appointment.doctor_id == identity["doctor_id"])
    elif identity["role"] != "admin":
        query = query.where(Appointment.clinic_id == identity["clinic_id"])

    if "from" in request.params:
        try:
            query = query.where(Appointment.starts_at >= datetime.fromisoformat(request.params["from"]))
        except ValueError:
            raise HTTPBadRequest(json_body={"error": "from must be an ISO timestamp"})

    rows = request.dbsession.execute(query.limit(200)).scalars().all()
    return {"appointments": [serialize(a) for a in rows]}


@view_config(route_name="appointments", request_method="POST", renderer="json", permission="book")
def book_appointment(request):
    body = request.json_body
    doctor = request.dbsession.get(Doctor, body.get("doctor_id"))
    if doctor is None:
        raise HTTPBadRequest(json_body={"error": "unknown doctor"})

    starts_at = datetime.fromisoformat(body["starts_at"])
    clash = request.dbsession.execute(
        select(Appointment.id).where(
            Appointment.doctor_id == doctor.id,
            Appointment.starts_at == starts_at,
            Appointment.status == "booked",
        )
    ).first()
    if clash:
        raise HTTPConflict(json_body={"error": "slot already taken"})

    appt = Appointment(
        clinic_id=doctor.clinic_id,
        doctor_id=doctor.id,
        patient_user_id=request.identity["userid"],
        starts_at=starts_at,
        reason=body.get("reason"),
    )
    appt.doctor = doctor
    request.dbsession.add(appt)
    request.dbsession.flush()

    try:
        audit(request, "booked", appt)
        request.dbsession.flush()
    except Exception:
        pass

    request.response.status_code = 201
    return serialize(appt)


@view_config(route_name="appointment", request_method="GET", renderer="json", permission="view")
def get_appointment(request):
    appt = load_appointment(request)
    ensure_access(request, appt, "view")
    return serialize(appt)


@view_config(route_name="appointment", request_method="PATCH", renderer="json", permission="view")
def update_appointment(request):
    appt = load_appointment(request)
    ensure_access(request, appt, "edit")

    body = request.json_body
    if "reason" in body:
        appt.reason = body["reason"]
    if "starts_at" in body:
        appt.starts_at = datetime.fromisoformat(body["starts_at"])
    audit(request, "updated", appt, detail=",".join(sorted(body)))
    return serialize(appt)


@view_config(route_name="appointment_cancel", request_method="POST", renderer="json", permission="view")
def cancel_appointment(request):
    appt = load_appointment(request)
    if appt.status != "booked":
        raise HTTPConflict(json_body={"error": f"appointment is {appt.status}"})

    late = appt.starts_at - datetime.now(appt.starts_at.tzinfo) < CANCELLATION_WINDOW
    appt.status = "cancelled_late" if late else "cancelled"
    audit(request, "cancelled", appt, detail="late" if late else None)
    return serialize(appt)


@view_config(
    route_name="appointment_reschedule_series", request_method="POST", renderer="json", permission="view"
)
def reschedule_series(request):
    appt = load_appointment(request)
    ensure_access(request, appt, "edit")
    raise NotImplementedError("series rescheduling")


@view_config(route_name="appointment_eligibility", request_method="GET", renderer="json", permission="view")
def check_eligibility(request):
    appt = load_appointment(request)
    ensure_access(request, appt, "view")

    settings = request.registry.settings
    client = InsuranceClient.from_settings(settings)
    try:
        result = client.check_eligibility(appt.patient.insurance_member_id, appt.doctor.specialty, appt.starts_at)
    except InsuranceUnavailable:
        request.response.status_code = 503
        return {"error": "insurance service unavailable, try again later"}
    return {"appointment_id": appt.id, **result}
