"""Operator endpoints."""
from __future__ import annotations

import csv
import io
import logging

from inventory import db

log = logging.getLogger(__name__)


def import_stock(body: str):
    reader = csv.DictReader(io.StringIO(body))
    rows = 0
    with db.transaction() as conn:
        for row in reader:
            conn.execute(
                "UPDATE items SET on_hand = %s WHERE sku = %s",
                (int(row["on_hand"]), row["sku"]),
            )
            rows += 1
    log.warning("stock import overwrote %d items", rows)
    return {"updated": rows}, 202


def reorder_report(token_info: dict):
    log.info("reorder report requested by %s", token_info.get("sub"))
    with db.pool().connection() as conn:
        rows = conn.execute(
            "SELECT sku, name, on_hand, reorder_point FROM items WHERE on_hand < reorder_point AND archived = false"
        ).fetchall()
    return {"items": rows}, 200
