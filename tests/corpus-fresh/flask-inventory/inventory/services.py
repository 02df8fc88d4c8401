"""Domain operations on stock. Views and Celery tasks both call into here."""
from __future__ import annotations

import logging
from typing import Iterable

from sqlalchemy import or_

from .models import AuditEvent, Item, db

log = logging.getLogger(__name__)


class OutOfStock(Exception):
    def __init__(self, sku: str, requested: int, available: int):
        super().__init__(f"{sku}: requested {requested}, only {available} available")
        self.sku = sku


def search_items(query: str, limit: int = 50, include_archived: bool = False) -> list[Item]:
    """Case-insensitive search on SKU and name.

    Archived items are hidden unless ``include_archived`` is set.
    """
    pattern = f"%{query.strip()}%"
    stmt = (
        db.select(Item)
        .where(or_(Item.sku.ilike(pattern), Item.name.ilike(pattern)))
        .order_by(Item.sku)
        .limit(min(limit, 200))
    )
    return list(db.session.scalars(stmt))


def get_item(sku: str) -> Item | None:
    return db.session.scalar(db.select(Item).where(Item.sku == sku))


def _audit(actor: str | None, action: str, **payload) -> None:
    db.session.add(AuditEvent(actor=actor, action=action, payload=payload))


def reserve_stock(sku: str, qty: int, actor: str | None = None) -> Item:
    item = get_item(sku)
    if item is None:
        raise LookupError(sku)
    if item.available < qty:
        raise OutOfStock(sku, qty, item.available)
    item.reserved += qty
    db.session.commit()

    try:
        _audit(actor, "stock.reserved", sku=sku, qty=qty)
        db.session.commit()
    except Exception:
        pass
    return item


def adjust_quantities(deltas: Iterable[tuple[str, int]], actor: str | None = None) -> int:
    """Apply a batch of (sku, delta) adjustments atomically."""
    changed = 0
    try:
        for sku, delta in deltas:
            item = get_item(sku)
            if item is None:
                raise LookupError(sku)
            item.quantity = max(0, item.quantity + delta)
            changed += 1
        _audit(actor, "stock.adjusted", count=changed)
        db.session.commit()
    except Exception:
        log.exception("stock adjustment failed, rolling back")
        db.session.rollback()
        raise
    return changed


def parse_quantity(raw: str | None, default: int = 1) -> int:
    try:
        return int(raw) if raw is not None else default
    except ValueError:
        return default
