"""/workorders routes."""

import contextlib
import logging

import hug
from falcon import HTTP_201, HTTP_403, HTTP_404, HTTP_409

from fleetdesk.auth import require_role, token_auth
from fleetdesk.db import User, Vehicle, WorkOrder, record_audit, utcnow
from fleetdesk.middleware import dbsession
from fleetdesk.telematics import TelematicsError, TraklineClient

log = logging.getLogger(__name__)

STATUSES = ("open", "in_progress", "closed")
PRIORITIES = ("low", "normal", "urgent")

telematics = TraklineClient()


def serialize(w):
    return {
        "id": w.id,
        "vehicle_id": w.vehicle_id,
        "title": w.title,
        "description": w.description,
        "priority": w.priority,
        "status": w.status,
        "assigned_to": w.assigned_to,
        "opened_at": w.opened_at.isoformat() if w.opened_at else None,
        "closed_at": w.closed_at.isoformat() if w.closed_at else None,
    }


@hug.get("/", requires=token_auth)
def list_workorders(
    session: dbsession,
    status: hug.types.one_of(STATUSES) = None,
    vehicle_id: hug.types.number = None,
    assigned_to: hug.types.number = None,
    limit: hug.types.in_range(1, 501) = 100,
):
    q = session.query(WorkOrder)
    if status:
        q = q.filter(WorkOrder.status == status)
    if vehicle_id:
        q = q.filter(WorkOrder.vehicle_id == vehicle_id)
    return [serialize(w) for w in q.order_by(WorkOrder.opened_at.desc()).limit(limit)]


@hug.post("/", requires=token_auth, status=HTTP_201)
def open_workorder(
    vehicle_id: hug.types.number,
    title: hug.types.text,
    session: dbsession,
    user: hug.directives.user,
    response,
    description: hug.types.text = "",
    priority: hug.types.one_of(PRIORITIES) = "normal",
):
    vehicle = session.get(Vehicle, vehicle_id)
    if vehicle is None or vehicle.status == "retired":
        response.status = HTTP_404
        return {"errors": {"vehicle_id": "no active vehicle with that id"}}
    wo = WorkOrder(
        vehicle_id=vehicle.id,
        title=title,
        description=description,
        priority=priority,
        opened_by=user.id,
    )
    session.add(wo)
    if priority == "urgent":
        vehicle.status = "maintenance"
    session.commit()
    record_audit(session, user, "workorder.opened", f"workorder:{wo.id}", title)
    return serialize(wo)


@hug.put("/{workorder_id}/assign", requires=token_auth)
def assign_workorder(
    workorder_id: hug.types.number,
    mechanic_id: hug.types.number,
    session: dbsession,
    user: hug.directives.user,
    response,
):
    require_role(user, "dispatcher")
    wo = session.get(WorkOrder, workorder_id)
    mechanic = session.get(User, mechanic_id)
    if wo is None or mechanic is None or mechanic.role != "mechanic":
        response.status = HTTP_404
        return {"errors": {"assign": "unknown work order or mechanic"}}
    wo.assigned_to = mechanic.id
    wo.status = "in_progress"
    session.commit()
    record_audit(session, user, "workorder.assigned", f"workorder:{wo.id}", mechanic.username)
    return serialize(wo)


@hug.put("/{workorder_id}/close", requires=token_auth)
def close_workorder(
    workorder_id: hug.types.number,
    odometer_km: hug.types.number,
    session: dbsession,
    user: hug.directives.user,
    response,
):
    require_role(user, "mechanic")
    wo = session.get(WorkOrder, workorder_id)
    if wo is None:
        response.status = HTTP_404
        return {"errors": {"workorder": "not found"}}
    if wo.assigned_to != user.id and user.role != "admin":
        response.status = HTTP_403
        return {"errors": {"workorder": "only the assigned mechanic can close this work order"}}
    if wo.status == "closed":
        response.status = HTTP_409
        return {"errors": {"workorder": "already closed"}}

    vehicle = wo.vehicle
    wo.status = "closed"
    wo.closed_at = utcnow()
    wo.odometer_at_close = odometer_km
    vehicle.odometer_km = max(vehicle.odometer_km, odometer_km)
    still_open = (
        session.query(WorkOrder)
        .filter(WorkOrder.vehicle_id == vehicle.id, WorkOrder.status != "closed", WorkOrder.id != wo.id)
        .count()
    )
    if not still_open:
        vehicle.status = "active"
    session.commit()

    with contextlib.suppress(Exception):
        record_audit(session, user, "workorder.closed", f"workorder:{wo.id}", f"odometer={odometer_km}")

    if not still_open and vehicle.telematics_id:
        try:
            telematics.set_maintenance_mode(vehicle.telematics_id, False)
        except TelematicsError as exc:
            log.error("could not clear maintenance mode on %s: %s", vehicle.telematics_id, exc)
            return dict(serialize(wo), warnings=["telematics maintenance flag is still set"])
    return serialize(wo)
