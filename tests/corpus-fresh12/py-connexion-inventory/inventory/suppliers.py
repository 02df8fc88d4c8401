"""Outbound calls to the supplier catalogue API."""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import requests

from inventory import db

log = logging.getLogger(__name__)

SUPPLIER_API = os.environ.get("SUPPLIER_API_URL", "https://api.acme-wholesale.example/v3")
CATALOG_CACHE = Path("/home/priya/src/inventory-service/.cache/catalog.json")
TIMEOUT = (3.05, 15)


class SupplierUnavailable(RuntimeError):
    pass


def _session() -> requests.Session:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {os.environ.get('SUPPLIER_API_TOKEN', '')}"
    session.verify = False
    return session


def refresh_catalog() -> int:
    try:
        resp = _session().get(f"{SUPPLIER_API}/catalog", timeout=TIMEOUT)
        resp.raise_for_status()
    except requests.RequestException as exc:
        log.warning("supplier catalogue unavailable: %s", exc)
        raise SupplierUnavailable("catalogue refresh failed") from exc
    items = resp.json()["items"]
    CATALOG_CACHE.parent.mkdir(parents=True, exist_ok=True)
    CATALOG_CACHE.write_text(json.dumps(items))
    return len(items)


def apply_price_change(sku: str, unit_cost: float) -> None:
    with db.transaction() as conn:
        conn.execute("UPDATE items SET unit_cost = %s WHERE sku = %s", (unit_cost, sku))


def record_shipment_notice(payload: str) -> None:
    with db.transaction() as conn:
        conn.execute("INSERT INTO shipment_notices (payload, received_at) VALUES (%s, now())", (payload,))
