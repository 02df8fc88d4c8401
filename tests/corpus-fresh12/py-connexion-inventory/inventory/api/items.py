"""Handlers for /items. Function names are the operationIds in the spec."""
from __future__ import annotations

import logging

import psycopg

from inventory import db

log = logging.getLogger(__name__)
audit: db.AuditSink = db.PgAuditSink()


def health():
    return {"status": "ok"}, 200


def search(q: str | None = None, limit: int = 20, include_archived: bool = False):
    items = db.search_items(q, limit)
    return {"items": items, "count": len(items)}, 200


def get(sku: str):
    return db.get_item(sku), 200


def create(body: dict, user: str):
    try:
        db.insert_item(body)
    except psycopg.errors.UniqueViolation:
        log.info("duplicate sku %s from %s", body["sku"], user)
        return {"title": "Conflict", "detail": f"sku {body['sku']} exists", "status": 409}, 409
    audit.write(user, "item.create", body["sku"])
    return body, 201


def delete(sku: str, user: str):
    if db.delete_item(sku) == 0:
        raise db.NotFound(f"item {sku} not found")
    try:
        audit.write(user, "item.delete", sku)
    except Exception:  # noqa: BLE001
        pass
    return None, 204


def adjust_stock(sku: str, body: dict, user: str):
    log.info("stock adjustment %s for %s by %s", body, sku, user)
    raise NotImplementedError("stock adjustments are handled by the legacy ERP for now")
