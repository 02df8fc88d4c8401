"""Receives Mailgun inbound-route webhooks and turns them into tickets."""
import hashlib
import hmac
import json
import logging
import time

from masonite.configuration import config
from masonite.controllers import Controller
from masonite.request import Request
from masonite.response import Response

from app.models.Ticket import Ticket
from app.services import attachments, audit

logger = logging.getLogger(__name__)

MAX_SKEW_SECONDS = 300


def signature_valid(signing_key, timestamp, token, signature):
    if not (signing_key and timestamp and token and signature):
        return False
    if abs(time.time() - int(timestamp)) > MAX_SKEW_SECONDS:
        return False
    expected = hmac.new(signing_key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


class InboundMailController(Controller):
    def receive(self, request: Request, response: Response):
        if not signature_valid(
            config("application.mailgun_signing_key"),
            request.input("timestamp"),
            request.input("token"),
            request.input("signature"),
        ):
            return response.json({"error": "bad signature"}, status=406)

        sender = request.input("sender", "").lower()
        ticket = Ticket.create(
            {
                "subject": request.input("subject", "(no subject)")[:200],
                "body": request.input("stripped-text") or request.input("body-plain", ""),
                "requester_email": sender,
                "status": "new",
                "priority": 2,
            }
        )

        raw = request.input("attachments") or "[]"
        try:
            items = json.loads(raw)
        except ValueError:
            logger.warning("unparseable attachments payload for ticket %s", ticket.id)
            items = []

        stored = attachments.fetch_all(items, config("application.mailgun_api_key"), ticket.id)
        audit.record(ticket.id, None, "received", attachments=[s.filename for s in stored if s], skipped=stored.count(None))
        return response.json({"ticket": ticket.id}, status=200)
