import csv
import io
from datetime import datetime, timezone

from pyramid.response import Response
from pyramid.view import view_config
from sqlalchemy import func, select

from ..models import Appointment, Patient


@view_config(route_name="admin_stats", renderer="json", request_method="GET", permission="admin")
def admin_stats(request):
    rows = request.dbsession.execute(
        select(Appointment.status, func.count()).group_by(Appointment.status)
    ).all()
    return {"generated_at": datetime.now(timezone.utc).isoformat(), "by_status": dict(rows)}


@view_config(route_name="admin_export", request_method="POST")
def admin_export(request):
    stmt = (
        select(Appointment.id, Appointment.starts_at, Appointment.status, Patient.full_name, Patient.phone)
        .join(Patient, Patient.id == Appointment.patient_id)
        .order_by(Appointment.starts_at)
    )
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["id", "starts_at", "status", "patient", "phone"])
    for row in request.dbsession.execute(stmt):
        writer.writerow([row.id, row.starts_at.isoformat(), row.status, row.full_name, row.phone])

    response = Response(buf.getvalue(), content_type="text/csv", charset="utf-8")
    response.content_disposition = 'attachment; filename="appointments.csv"'
    return response


@view_config(route_name="admin_reindex", renderer="json", request_method="POST", permission="admin")
def admin_reindex(request):
    raise NotImplementedError("search reindex")
