"""API assembly: `hug -f fleetdesk/app.py` serves it, `hug -f fleetdesk/app.py -c <command>` runs the CLI."""

import csv
import logging
import os
import tempfile
from datetime import datetime, timedelta

import bcrypt
import hug
from sqlalchemy import text

from fleetdesk import __version__, config, vehicles, workorders
from fleetdesk.auth import basic_auth, issue_token, require_role, token_auth, webhook_auth
from fleetdesk.db import AuditEvent, Position, SessionLocal, User, Vehicle, utcnow
from fleetdesk.middleware import RequestLogMiddleware, dbsession

config.validate()
logging.basicConfig(level=config.LOG_LEVEL, format="%(asctime)s %(levelname)s %(name)s %(message)s")
log = logging.getLogger("fleetdesk")

api = hug.API(__name__)
api.http.add_middleware(RequestLogMiddleware())


@hug.extend_api("/vehicles")
def vehicle_routes():
    return [vehicles]


@hug.extend_api("/workorders")
def workorder_routes():
    return [workorders]


@hug.get("/health")
def health(session: dbsession):
    """Load balancer probe; deliberately unauthenticated and free of fleet data."""
    session.execute(text("select 1"))
    return {"status": "ok", "version": __version__}


@hug.post("/auth/token", requires=basic_auth)
def login(user: hug.directives.user, session: dbsession):
    return {"token": issue_token(session, user), "expires_in": config.TOKEN_TTL_HOURS * 3600, "role": user.role}


@hug.post("/webhooks/trakline", requires=webhook_auth)
def trakline_push(body, session: dbsession):
    """Position batches pushed by Trakline: {"positions": [{"device", "ts", "lat", "lon", "speed"}]}."""
    devices = {v.telematics_id: v.id for v in session.query(Vehicle).filter(Vehicle.telematics_id.isnot(None))}
    stored = 0
    for p in (body or {}).get("positions", []):
        vehicle_id = devices.get(p.get("device"))
        if vehicle_id is None:
            continue
        session.add(
            Position(
                vehicle_id=vehicle_id,
                recorded_at=datetime.fromisoformat(p["ts"]),
                lat=p["lat"],
                lon=p["lon"],
                speed_kmh=p.get("speed"),
            )
        )
        stored += 1
    session.commit()
    return {"stored": stored}


@hug.get("/admin/audit", requires=token_auth)
def audit_log(session: dbsession, user: hug.directives.user, limit: hug.types.in_range(1, 1001) = 200):
    require_role(user, "admin")
    rows = session.query(AuditEvent).order_by(AuditEvent.at.desc()).limit(limit)
    return [
        {"at": r.at.isoformat(), "actor_id": r.actor_id, "action": r.action, "subject": r.subject, "detail": r.detail}
        for r in rows
    ]


@hug.cli()
@hug.post("/admin/purge-positions")
def purge_positions(older_than_days: hug.types.number = 180):
    """Delete raw positions older than the retention window."""
    cutoff = utcnow() - timedelta(days=older_than_days)
    with SessionLocal() as session:
        deleted = session.query(Position).filter(Position.recorded_at < cutoff).delete(synchronize_session=False)
        session.commit()
    log.info("purged %d positions older than %s", deleted, cutoff.date())
    return {"deleted": deleted, "cutoff": cutoff.isoformat()}


@hug.cli()
def create_user(username: hug.types.text, password: hug.types.text, role: hug.types.one_of(("driver", "mechanic", "dispatcher", "admin")) = "driver"):
    """Create a staff account."""
    with SessionLocal() as session:
        session.add(User(username=username, password_hash=bcrypt.hashpw(password.encode(), bcrypt.gensalt()).decode(), role=role))
        session.commit()
    return f"created {role} {username}"


@hug.cli()
def import_vehicles(csv_path: hug.types.text):
    """Bulk-load vehicles from the registry's CSV export."""
    raise NotImplementedError("registry CSV import is not supported yet")


@hug.cli()
def export_positions(vehicle_id: hug.types.number, day: hug.types.text):
    """Write one vehicle's positions for a day (YYYY-MM-DD) to EXPORT_DIR."""
    start = datetime.fromisoformat(day).astimezone()
    end = start + timedelta(days=1)
    os.makedirs(config.EXPORT_DIR, exist_ok=True)
    final = os.path.join(config.EXPORT_DIR, f"positions-{vehicle_id}-{day}.csv")
    with SessionLocal() as session:
        rows = (
            session.query(Position)
            .filter(Position.vehicle_id == vehicle_id, Position.recorded_at >= start, Position.recorded_at < end)
            .order_by(Position.recorded_at)
        )
        # Written next to the target and renamed, so readers never see a partial file.
        with tempfile.NamedTemporaryFile("w", newline="", dir=config.EXPORT_DIR, suffix=".part", delete=False) as tmp:
            writer = csv.writer(tmp)
            writer.writerow(["recorded_at", "lat", "lon", "speed_kmh"])
            for p in rows:
                writer.writerow([p.recorded_at.isoformat(), p.lat, p.lon, p.speed_kmh])
    os.replace(tmp.name, final)
    return final
