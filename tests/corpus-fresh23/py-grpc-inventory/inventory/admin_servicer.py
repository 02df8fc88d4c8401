from __future__ import annotations

import logging

import grpc
from sqlalchemy.engine import Engine
from sqlmodel import select

from inventory.auth import Role, require_role
from inventory.clients import PriceSource
from inventory.db import session_scope
from inventory.gen import inventory_pb2, inventory_pb2_grpc
from inventory.models import Item, StockLevel, Warehouse

log = logging.getLogger(__name__)


class AdminServicer(inventory_pb2_grpc.AdminServicer):
    def __init__(self, engine: Engine, prices: PriceSource) -> None:
        self._engine = engine
        self._prices = prices

    def CreateWarehouse(self, request, context):
        identity = require_role(context, Role.ADMIN)
        with session_scope(self._engine) as session:
            warehouse = Warehouse(code=request.code.upper(), name=request.name)
            session.add(warehouse)
            session.flush()
            log.info("warehouse %s created by %s", warehouse.code, identity.subject)
            return inventory_pb2.Warehouse(id=warehouse.id, code=warehouse.code, name=warehouse.name)

    def DeleteWarehouse(self, request, context):
        with session_scope(self._engine) as session:
            warehouse = session.get(Warehouse, request.id)
            if warehouse is None:
                context.abort(grpc.StatusCode.NOT_FOUND, "no such warehouse")
            for level in session.exec(select(StockLevel).where(StockLevel.warehouse_id == warehouse.id)):
                session.delete(level)
            session.delete(warehouse)
            log.warning("warehouse %s deleted", warehouse.code)
        return inventory_pb2.Empty()

    def SetStockLevel(self, request, context):
        identity = require_role(context, Role.ADMIN)
        if request.on_hand < 0:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "on_hand must be >= 0")
        with session_scope(self._engine) as session:
            item = session.exec(select(Item).where(Item.sku == request.sku)).first()
            if item is None:
                context.abort(grpc.StatusCode.NOT_FOUND, f"unknown sku {request.sku}")
            level = session.exec(
                select(StockLevel)
                .where(StockLevel.item_id == item.id)
                .where(StockLevel.warehouse_id == request.warehouse_id)
            ).first() or StockLevel(item_id=item.id, warehouse_id=request.warehouse_id)
            level.on_hand = request.on_hand
            session.add(level)
            session.flush()
            log.info("stock %s@%d set to %d by %s", item.sku, request.warehouse_id, request.on_hand, identity.subject)
            return inventory_pb2.StockLevel(
                warehouse_id=level.warehouse_id, on_hand=level.on_hand, reserved=level.reserved
            )

    def ExportSnapshot(self, request, context):
        require_role(context, Role.ADMIN)
        raise NotImplementedError("snapshot export")

    def RefreshPrices(self, request, context):
        require_role(context, Role.ADMIN)
        updated = 0
        with session_scope(self._engine) as session:
            for sku in request.skus:
                item = session.exec(select(Item).where(Item.sku == sku)).first()
                if item is None:
                    continue
                item.price_cents = self._prices.quote(sku)
                session.add(item)
                updated += 1
        return inventory_pb2.RefreshPricesResponse(updated=updated)
