from __future__ import annotations

import logging

from emmett import abort, now, request
from emmett.tools import service

from .. import app, settings
from ..models import SmsMessage, WorkOrder

log = logging.getLogger("fieldservice.public")


@app.route("/health")
@service.json
async def health():
    return {"ok": True}


# Customers get this link by SMS. The reference is a random 12-character token and
# the page shows only the job status and appointment date, never names or addresses.
@app.route("/track/<str:ref>")
@service.json
async def track(ref):
    order = WorkOrder.where(lambda o: o.reference == ref).select().first()
    if order is None:
        abort(404)
    return {
        "reference": order.reference,
        "status": order.status,
        "scheduled_for": order.scheduled_for.date().isoformat() if order.scheduled_for else None,
    }


@app.route("/hooks/sms-status", methods="post")
@service.json
async def sms_status():
    if request.headers.get("x-relay-token") != settings.SMS_CALLBACK_TOKEN:
        abort(401)
    params = await request.body_params
    try:
        message = SmsMessage.where(lambda m: m.provider_id == params["message_id"]).select().first()
    except KeyError:
        return {"ignored": "no message_id"}
    if message is None:
        # Receipts for messages sent before this table existed; nothing to update.
        return {"ignored": params["message_id"]}
    message.update_record(status=params.get("status", "unknown"), updated_at=now())
    return {"ok": True}
