from __future__ import annotations

import json
import logging
import time
import uuid
from datetime import datetime

from robyn import Request, Response, Robyn

from . import db
from .auth import staff_auth, verify_webhook
from .notify import default_notifier

log = logging.getLogger("bookings")

app = Robyn(__file__)
app.configure_authentication(staff_auth())
notifier = default_notifier()


@app.before_request()
def tag_request(request: Request):
    request.headers.set("x-request-id", request.headers.get("x-request-id") or uuid.uuid4().hex)
    request.headers.set("x-started-at", str(time.perf_counter()))
    return request


@app.get("/health")
def health():
    return {"status": "ok"}


@app.get("/clinics/:clinic_id/bookings", auth_required=True)
def get_bookings(request: Request):
    clinic_id = int(request.path_params["clinic_id"])
    since_raw = request.query_params.get("since", None)
    since = datetime.fromisoformat(since_raw) if since_raw else None
    with db.connection() as conn:
        rows = db.list_bookings(conn, clinic_id=clinic_id, status=request.query_params.get("status", None), since=since)
    return {"data": [{**r, "starts_at": r["starts_at"].isoformat()} for r in rows]}


@app.post("/clinics/:clinic_id/bookings", auth_required=True)
def post_booking(request: Request):
    payload = request.json()
    with db.connection() as conn:
        booking = db.create_booking(
            conn,
            int(request.path_params["clinic_id"]),
            payload["patient_name"],
            datetime.fromisoformat(payload["starts_at"]),
            payload["phone"],
        )
    try:
        notifier.send(payload["phone"], f"Your appointment on {booking['starts_at']:%d %b %H:%M} is confirmed.")
    except Exception:
        log.warning("confirmation sms failed for booking %s", booking["id"], exc_info=True)
    return Response(status_code=201, headers={"content-type": "application/json"}, description=json.dumps(booking, default=str))


@app.post("/bookings/:booking_id/cancel", auth_required=True)
def post_cancel(request: Request):
    reason = (request.json() or {}).get("reason", "unspecified")
    with db.connection() as conn:
        ok = db.cancel_booking(conn, int(request.path_params["booking_id"]), reason)
    return {"cancelled": ok}


@app.delete("/admin/bookings/:booking_id")
def admin_delete_booking(request: Request):
    with db.connection() as conn:
        db.delete_booking(conn, int(request.path_params["booking_id"]))
    return Response(status_code=204, headers={}, description="")


@app.get("/admin/reports/monthly", auth_required=True)
def monthly_report(request: Request):
    raise NotImplementedError("monthly report export is coming in 0.7")


@app.post("/webhooks/calendar")
def calendar_webhook(request: Request):
    body = bytes(request.body) if not isinstance(request.body, str) else request.body.encode()
    if not verify_webhook(body, request.headers.get("x-calendar-signature")):
        return Response(status_code=401, headers={}, description="bad signature")
    log.info("calendar sync event received (%d bytes)", len(body))
    return {"ok": True}


if __name__ == "__main__":
    db.pool.open()
    app.start(host="0.0.0.0", port=8080)
