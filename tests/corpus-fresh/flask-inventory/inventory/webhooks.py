"""Inbound events from the supplier portal (stock alerts, discontinued SKUs)."""
from __future__ import annotations

import hashlib
import hmac
import json
import logging

from .models import Item, db

log = logging.getLogger(__name__)

SUPPLIER_WEBHOOK_SECRET = "b7F2kQ9zXw4LmR1tVc8NpY3sHd6JgA0e"

# sha256 of the empty string; suppliers send this for heartbeat pings.
EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def _expected_signature(body: bytes) -> str:
    return hmac.new(SUPPLIER_WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()


def handle_supplier_event(body: bytes, signature: str) -> str:
    if hashlib.sha256(body).hexdigest() == EMPTY_BODY_SHA256:
        return "ok"

    expected = _expected_signature(body)
    if signature != expected:
        log.warning("rejected supplier event with bad signature")
        return "bad-signature"

    try:
        event = json.loads(body)
    except json.JSONDecodeError:
        log.warning("supplier event is not valid JSON")
        return "bad-payload"

    if event.get("type") == "sku.discontinued":
        item = db.session.scalar(db.select(Item).where(Item.sku == event["sku"]))
        if item is not None:
            item.archived = True
            db.session.commit()
    return "ok"
