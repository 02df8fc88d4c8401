"""Inbound payment notifications from Payflow."""
from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import time

import cherrypy

from billing.db import session_scope
from billing.models import Invoice, InvoiceStatus

log = logging.getLogger(__name__)

TOLERANCE_SECONDS = 300


def _secret() -> bytes:
    value = os.environ.get("PAYFLOW_WEBHOOK_SECRET")
    if not value:
        raise RuntimeError("PAYFLOW_WEBHOOK_SECRET is not configured")
    return value.encode()


class PaymentWebhook:
    @cherrypy.expose
    def index(self):
        raw = cherrypy.request.body.read()
        header = cherrypy.request.headers.get("Payflow-Signature", "")
        parts = dict(item.split("=", 1) for item in header.split(",") if "=" in item)
        timestamp, signature = parts.get("t", "0"), parts.get("v1", "")

        if abs(time.time() - int(timestamp)) > TOLERANCE_SECONDS:
            raise cherrypy.HTTPError(400, "stale webhook")

        expected = hmac.new(_secret(), f"{timestamp}.".encode() + raw, hashlib.sha256).hexdigest()
        if signature == expected:
            event = json.loads(raw)
            self._handle(event)
            return {"received": True}
        log.warning("webhook signature mismatch from %s", cherrypy.request.remote.ip)
        raise cherrypy.HTTPError(400, "invalid signature")

    def _handle(self, event: dict) -> None:
        kind = event.get("type")
        data = event.get("data", {})
        with session_scope() as session:
            invoice = session.query(Invoice).filter_by(charge_id=data.get("charge")).one_or_none()
            if invoice is None:
                log.info("ignoring %s for unknown charge %s", kind, data.get("charge"))
                return
            if kind == "charge.succeeded":
                invoice.status = InvoiceStatus.PAID
            elif kind == "charge.refunded":
                invoice.status = InvoiceStatus.REFUNDED
