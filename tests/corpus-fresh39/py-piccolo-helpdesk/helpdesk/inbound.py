"""Mailgun inbound route: customer replies become ticket comments."""

import hashlib
import hmac
import logging
import re
import time

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from helpdesk import services, settings
from helpdesk.tables import Customer

log = logging.getLogger("helpdesk.inbound")

TICKET_TAG = re.compile(r"\[#(\d+)\]")


def expected_signature(signing_key: str, timestamp: str, token: str) -> str:
    return hmac.new(signing_key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()


def signature_is_fresh(timestamp: str, now: float | None = None) -> bool:
    try:
        age = (now or time.time()) - int(timestamp)
    except ValueError:
        return False
    return 0 <= age <= settings.MAILGUN_MAX_AGE_SECONDS


async def inbound_mail(request: Request) -> Response:
    form = await request.form()
    timestamp = str(form.get("timestamp", ""))
    token = str(form.get("token", ""))
    signature = str(form.get("signature", ""))
    if not signature_is_fresh(timestamp):
        return JSONResponse({"detail": "stale"}, status_code=406)
    if expected_signature(settings.MAILGUN_SIGNING_KEY, timestamp, token) != signature:
        log.warning("inbound mail with a bad signature from %s", request.client.host if request.client else "?")
        return JSONResponse({"detail": "bad signature"}, status_code=403)

    subject = str(form.get("subject", ""))
    match = TICKET_TAG.search(subject)
    if not match:
        return JSONResponse({"detail": "no ticket reference"}, status_code=200)
    sender = str(form.get("sender", "")).lower()
    customer = await Customer.objects().get(Customer.email == sender)
    ticket_id = int(match.group(1))
    try:
        ticket = await services.get_ticket(ticket_id)
    except services.TicketNotFound:
        return JSONResponse({"detail": "unknown ticket"}, status_code=200)
    if customer is None or ticket.customer != customer.id:
        log.info("reply to ticket %s from a non-owner address %s dropped", ticket_id, sender)
        return JSONResponse({"detail": "ignored"}, status_code=200)
    await services.add_comment(ticket_id, None, str(form.get("stripped-text", "")), internal=False)
    return JSONResponse({"detail": "ok"})
