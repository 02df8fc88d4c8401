"""Supplier push notifications (ASN / price changes)."""
from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os

from connexion import request
from connexion.exceptions import Unauthorized

from inventory import suppliers

log = logging.getLogger(__name__)


def _expected_signature(raw: bytes) -> str:
    secret = os.environ["SUPPLIER_WEBHOOK_SECRET"].encode()
    return "sha256=" + hmac.new(secret, raw, hashlib.sha256).hexdigest()


async def supplier_event(body: dict, x_supplier_signature: str):
    raw = await request.body()
    if x_supplier_signature == _expected_signature(raw):
        log.info("supplier event %s", body.get("type"))
    else:
        raise Unauthorized("bad supplier signature")

    if body.get("type") == "price_change":
        suppliers.apply_price_change(body["sku"], body["unit_cost"])
    elif body.get("type") == "asn":
        suppliers.record_shipment_notice(json.dumps(body))
    return None, 204
