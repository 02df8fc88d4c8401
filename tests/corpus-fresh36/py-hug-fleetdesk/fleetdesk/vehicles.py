"""/vehicles routes."""

import logging
from datetime import datetime, timedelta

import hug
from falcon import HTTP_201, HTTP_404, HTTP_409, HTTP_501
from sqlalchemy.exc import IntegrityError

from fleetdesk.auth import require_role, token_auth
from fleetdesk.db import Position, Vehicle, record_audit, utcnow
from fleetdesk.geocode import reverse_geocode
from fleetdesk.middleware import dbsession

log = logging.getLogger(__name__)


def serialize(v):
    return {
        "id": v.id,
        "plate": v.plate,
        "vin": v.vin,
        "model": v.model,
        "depot": v.depot,
        "status": v.status,
        "odometer_km": v.odometer_km,
        "telematics_id": v.telematics_id,
    }


@hug.get("/", requires=token_auth)
def list_vehicles(
    session: dbsession,
    depot: hug.types.text = None,
    include_retired: hug.types.smart_boolean = False,
):
    q = session.query(Vehicle)
    if depot:
        q = q.filter(Vehicle.depot == depot)
    if not include_retired:
        q = q.filter(Vehicle.status != "retired")
    return [serialize(v) for v in q.order_by(Vehicle.plate)]


@hug.get("/{vehicle_id}", requires=token_auth)
def get_vehicle(vehicle_id: hug.types.number, session: dbsession, response):
    vehicle = session.get(Vehicle, vehicle_id)
    if vehicle is None:
        response.status = HTTP_404
        return {"errors": {"vehicle": "not found"}}
    return serialize(vehicle)


@hug.post("/", requires=token_auth, status=HTTP_201)
def create_vehicle(
    plate: hug.types.text,
    vin: hug.types.text,
    model: hug.types.text,
    depot: hug.types.text,
    session: dbsession,
    user: hug.directives.user,
    response,
    telematics_id: hug.types.text = None,
):
    require_role(user, "dispatcher")
    if len(vin) != 17:
        response.status = "400 Bad Request"
        return {"errors": {"vin": "a VIN has 17 characters"}}
    vehicle = Vehicle(plate=plate.upper(), vin=vin.upper(), model=model, depot=depot, telematics_id=telematics_id)
    session.add(vehicle)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        response.status = HTTP_409
        return {"errors": {"vehicle": "plate, VIN or telematics id already registered"}}
    record_audit(session, user, "vehicle.created", f"vehicle:{vehicle.id}", vehicle.plate)
    return serialize(vehicle)


@hug.put("/{vehicle_id}/odometer", requires=token_auth)
def update_odometer(
    vehicle_id: hug.types.number,
    odometer_km: hug.types.number,
    session: dbsession,
    user: hug.directives.user,
    response,
):
    require_role(user, "mechanic")
    vehicle = session.get(Vehicle, vehicle_id)
    if vehicle is None:
        response.status = HTTP_404
        return {"errors": {"vehicle": "not found"}}
    if odometer_km < vehicle.odometer_km:
        response.status = HTTP_409
        return {"errors": {"odometer_km": f"cannot go below the recorded {vehicle.odometer_km} km"}}
    vehicle.odometer_km = odometer_km
    session.commit()
    return serialize(vehicle)


@hug.put("/{vehicle_id}/retire")
def retire_vehicle(vehicle_id: hug.types.number, session: dbsession, user: hug.directives.user, response):
    vehicle = session.get(Vehicle, vehicle_id)
    if vehicle is None:
        response.status = HTTP_404
        return {"errors": {"vehicle": "not found"}}
    if vehicle.status == "retired":
        return serialize(vehicle)
    vehicle.status = "retired"
    vehicle.retired_at = utcnow()
    vehicle.telematics_id = None
    session.commit()
    record_audit(session, user, "vehicle.retired", f"vehicle:{vehicle.id}", vehicle.plate)
    return serialize(vehicle)


@hug.get("/{vehicle_id}/positions", requires=token_auth)
def vehicle_positions(
    vehicle_id: hug.types.number,
    session: dbsession,
    hours: hug.types.in_range(1, 169) = 24,
    with_labels: hug.types.smart_boolean = False,
):
    since = datetime.now().astimezone() - timedelta(hours=hours)
    rows = (
        session.query(Position)
        .filter(Position.vehicle_id == vehicle_id, Position.recorded_at >= since)
        .order_by(Position.recorded_at)
        .all()
    )
    out = []
    for p in rows:
        item = {"at": p.recorded_at.isoformat(), "lat": p.lat, "lon": p.lon, "speed_kmh": p.speed_kmh}
        if with_labels:
            item["label"] = reverse_geocode(p.lat, p.lon)
        out.append(item)
    return out


@hug.get("/{vehicle_id}/inspection-report", requires=token_auth)
def inspection_report(vehicle_id: hug.types.number, response):
    response.status = HTTP_501
    return {"errors": {"inspection_report": "inspection reports are not available yet"}}
