"""WSGI endpoint for Meridian Bank payment-status callbacks (served by gunicorn)."""
import json
import logging

from payroll import db, settings
from payroll.bank import verify_callback

logger = logging.getLogger(__name__)

_STATUS_MAP = {"SETTLED": "paid", "REJECTED": "failed", "RETURNED": "returned"}


def _respond(start_response, status: str, body: dict | None = None):
    payload = json.dumps(body or {}).encode()
    start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(payload)))])
    return [payload]


def application(environ, start_response):
    path = environ.get("PATH_INFO", "")
    method = environ.get("REQUEST_METHOD", "GET")

    # Liveness probe for the load balancer; touches nothing.
    if path == "/healthz" and method == "GET":
        return _respond(start_response, "200 OK", {"ok": True})

    if path != "/callbacks/payment-status" or method != "POST":
        return _respond(start_response, "404 Not Found")

    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(min(length, 65536))
    signature = environ.get("HTTP_X_MERIDIAN_SIGNATURE", "")
    if not verify_callback(body, signature, settings.load().bank_callback_secret):
        return _respond(start_response, "401 Unauthorized")

    try:
        event = json.loads(body)
        payment_id = int(event["reference"].removeprefix("HR-PAY-"))
        status = _STATUS_MAP[event["status"]]
    except (ValueError, KeyError) as exc:
        logger.warning("malformed bank callback: %s", exc)
        return _respond(start_response, "400 Bad Request", {"error": "malformed"})

    db.mark_payment(payment_id, status, event.get("paymentId"))
    logger.info("payment %s is now %s", payment_id, status)
    return _respond(start_response, "204 No Content")
