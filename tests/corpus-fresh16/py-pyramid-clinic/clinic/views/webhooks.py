import hashlib
import hmac
import logging
import os

from pyramid.view import view_config
from sqlalchemy import select

from ..models import Appointment

log = logging.getLogger(__name__)


@view_config(route_name="billing_webhook", renderer="json", request_method="POST", require_csrf=False)
def billing_webhook(request):
    secret = os.environ["CLINIC_WEBHOOK_SECRET"].encode()
    expected = hmac.new(secret, request.body, hashlib.sha256).hexdigest()
    signature = request.headers.get("X-Billing-Signature", "")
    if signature != expected:
        log.warning("billing webhook with bad signature from %s", request.client_addr)
        request.response.status = 401
        return {"error": "invalid_signature"}

    event = request.json_body
    if event.get("type") != "invoice.paid":
        return {"ignored": event.get("type")}

    appointment = request.dbsession.scalars(
        select(Appointment).where(Appointment.invoice_id == event["invoice_id"])
    ).first()
    if appointment is None:
        log.info("paid invoice %s has no appointment", event["invoice_id"])
        return {"matched": False}

    appointment.status = "paid"
    request.registry["billing"].record_payment(event["invoice_id"], event["amount_cents"], event["reference"])
    return {"matched": True, "appointment": appointment.id}
