from __future__ import annotations

import base64
import logging

import grpc
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from inventory.auth import Role, can_access_warehouse, require_role
from inventory.db import session_scope
from inventory.gen import inventory_pb2, inventory_pb2_grpc
from inventory.models import Item, StockLevel, StockMovement

log = logging.getLogger(__name__)

MAX_PAGE_SIZE = 200


class OutOfStock(Exception):
    pass


def _decode_page_token(token: str) -> int:
    if not token:
        return 0
    try:
        return int(base64.urlsafe_b64decode(token.encode()).decode())
    except ValueError:
        raise ValueError(f"invalid page token {token!r}") from None


def _encode_page_token(last_id: int) -> str:
    return base64.urlsafe_b64encode(str(last_id).encode()).decode()


def paginate(session: Session, page_token: str, page_size: int) -> tuple[list[Item], str]:
    after_id = _decode_page_token(page_token)
    size = max(1, min(page_size or 50, MAX_PAGE_SIZE))
    rows = session.exec(select(Item).where(col(Item.id) > after_id).order_by(col(Item.id)).limit(size + 1)).all()
    next_token = _encode_page_token(rows[size - 1].id) if len(rows) > size else ""
    return list(rows[:size]), next_token


def reserve_stock(session: Session, item: Item, quantity: int, warehouse_id: int) -> StockLevel:
    level = session.exec(
        select(StockLevel)
        .where(StockLevel.item_id == item.id)
        .where(StockLevel.on_hand - StockLevel.reserved >= quantity)
        .order_by(col(StockLevel.on_hand).desc())
        .with_for_update()
    ).first()
    if level is None:
        raise OutOfStock(item.sku)
    level.reserved += quantity
    session.add(level)
    return level


def _to_proto(session: Session, item: Item, include_stock: bool) -> inventory_pb2.Item:
    msg = inventory_pb2.Item(sku=item.sku, name=item.name, price_cents=item.price_cents)
    if include_stock:
        for level in session.exec(select(StockLevel).where(StockLevel.item_id == item.id)):
            msg.stock.add(warehouse_id=level.warehouse_id, on_hand=level.on_hand, reserved=level.reserved)
    return msg


class InventoryServicer(inventory_pb2_grpc.InventoryServicer):
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def _item_or_abort(self, session: Session, sku: str, context: grpc.ServicerContext) -> Item:
        item = session.exec(select(Item).where(Item.sku == sku)).first()
        if item is None:
            context.abort(grpc.StatusCode.NOT_FOUND, f"unknown sku {sku}")
        return item

    def GetItem(self, request, context):
        require_role(context, Role.VIEWER)
        with session_scope(self._engine) as session:
            item = self._item_or_abort(session, request.sku, context)
            return _to_proto(session, item, include_stock=True)

    def ListItems(self, request, context):
        require_role(context, Role.VIEWER)
        with session_scope(self._engine) as session:
            try:
                items, next_token = paginate(session, request.page_token, request.page_size)
            except ValueError as exc:
                context.abort(grpc.StatusCode.INVALID_ARGUMENT, str(exc))
            return inventory_pb2.ListItemsResponse(
                items=[_to_proto(session, i, request.include_stock) for i in items],
                next_page_token=next_token,
            )

    def CreateItem(self, request, context):
        require_role(context, Role.CLERK)
        if not request.sku or request.price_cents < 0:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "sku and non-negative price required")
        session = Session(self._engine)
        try:
            item = Item(sku=request.sku, name=request.name, price_cents=request.price_cents)
            session.add(item)
            session.commit()
            session.refresh(item)
            return _to_proto(session, item, include_stock=False)
        except IntegrityError:
            session.rollback()
            context.abort(grpc.StatusCode.ALREADY_EXISTS, f"sku {request.sku} already exists")
        finally:
            session.close()

    def ReserveStock(self, request, context):
        identity = require_role(context, Role.CLERK)
        if request.quantity <= 0:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "quantity must be positive")
        if request.warehouse_id and not can_access_warehouse(identity, request.warehouse_id):
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "no access to warehouse")

        with session_scope(self._engine) as session:
            item = self._item_or_abort(session, request.sku, context)
            try:
                level = reserve_stock(session, item, request.quantity, request.warehouse_id)
            except OutOfStock:
                context.abort(grpc.StatusCode.FAILED_PRECONDITION, f"insufficient stock for {request.sku}")

            try:
                session.add(
                    StockMovement(
                        item_id=item.id,
                        warehouse_id=level.warehouse_id,
                        delta=-request.quantity,
                        reason="reservation",
                        actor=identity.subject,
                        order_ref=request.order_ref or None,
                    )
                )
                session.flush()
            except Exception:
                # The movement ledger is for reporting; never fail a reservation over it.
                pass

            log.info("reserved %s x%d for %s", item.sku, request.quantity, request.order_ref)
            return inventory_pb2.ReserveStockResponse(
                reservation_id=level.id,
                warehouse_id=level.warehouse_id,
                remaining=level.on_hand - level.reserved,
            )
