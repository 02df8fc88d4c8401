import logging

from ..models import StockItem, StockMovement

log = logging.getLogger(__name__)


class StockError(Exception):
    """Raised when a stock operation cannot be applied."""


def record_movement(session, item, delta, reason, user_id=None):
    item.quantity += delta
    if item.quantity < 0:
        raise StockError(f"{item.sku}: quantity would drop below zero")
    movement = StockMovement(item_id=item.id, delta=delta, reason=reason, created_by_fk=user_id)
    session.add(movement)
    return movement


def reserve_stock(session, sku, quantity, warehouse_id):
    """Reserve ``quantity`` units of ``sku`` in the given warehouse."""
    if quantity <= 0:
        raise StockError("quantity must be positive")
    item = (
        session.query(StockItem)
        .filter(StockItem.sku == sku)
        .with_for_update()
        .first()
    )
    if item is None:
        raise StockError(f"unknown sku {sku}")
    if item.available < quantity:
        raise StockError(f"{sku}: only {item.available} available")
    item.reserved += quantity
    return item


def release_reservation(session, item, quantity):
    item.reserved = max(item.reserved - quantity, 0)
    session.add(item)
    return item


def upsert_item(session, warehouse, sku, name, quantity, unit_cost):
    item = session.query(StockItem).filter_by(sku=sku, warehouse_id=warehouse.id).one_or_none()
    if item is None:
        item = StockItem(sku=sku, name=name, warehouse_id=warehouse.id, quantity=0, unit_cost=unit_cost)
        session.add(item)
        session.flush()
    delta = quantity - item.quantity
    if delta:
        record_movement(session, item, delta, "import")
    item.name = name
    item.unit_cost = unit_cost
    return item
