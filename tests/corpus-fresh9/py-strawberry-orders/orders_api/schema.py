from __future__ import annotations

import datetime as dt
import enum
import logging
from typing import Optional

import strawberry
from strawberry.types import Info

from . import db
from .auth import IsAuthenticated, IsStaff
from .payments import StripeGateway
from .settings import settings

log = logging.getLogger(__name__)


@strawberry.enum
class OrderStatus(enum.Enum):
    PENDING = "pending"
    PAID = "paid"
    SHIPPED = "shipped"
    REFUNDED = "refunded"


@strawberry.type
class Order:
    id: strawberry.ID
    customer_id: str
    status: OrderStatus
    total_cents: int
    created_at: dt.datetime


def _to_order(row: dict) -> Order:
    return Order(
        id=strawberry.ID(str(row["id"])),
        customer_id=row["customer_id"],
        status=OrderStatus(row["status"]),
        total_cents=row["total_cents"],
        created_at=row["created_at"],
    )


@strawberry.type
class Query:
    @strawberry.field(permission_classes=[IsAuthenticated])
    async def my_orders(self, info: Info, limit: int = 20) -> list[Order]:
        principal = info.context["principal"]
        rows = await db.fetch_orders(principal.user_id, None, min(limit, 100))
        return [_to_order(r) for r in rows]

    @strawberry.field(permission_classes=[IsAuthenticated, IsStaff])
    async def orders(
        self, info: Info, status: Optional[OrderStatus] = None, limit: int = 50
    ) -> list[Order]:
        rows = await db.fetch_orders(None, None, min(limit, 500))
        return [_to_order(r) for r in rows]


@strawberry.type
class Mutation:
    @strawberry.mutation(permission_classes=[IsAuthenticated, IsStaff])
    async def refund_order(self, info: Info, order_id: strawberry.ID, amount_cents: int) -> Order:
        principal = info.context["principal"]
        row = await db.pool().fetchrow("SELECT * FROM orders WHERE id = $1", int(order_id))
        if row is None:
            raise ValueError(f"order {order_id} not found")
        gateway = StripeGateway(settings.stripe_api_key)
        refund_id = await gateway.refund(row["charge_id"], amount_cents)
        updated = await db.pool().fetchrow(
            "UPDATE orders SET status = 'refunded', refund_id = $2 WHERE id = $1 RETURNING *",
            int(order_id),
            refund_id,
        )
        try:
            await db.write_audit(principal.user_id, "refund", str(order_id))
        except Exception:
            pass
        return _to_order(dict(updated))

    @strawberry.mutation
    async def cancel_order(self, info: Info, order_id: strawberry.ID) -> Order:
        row = await db.pool().fetchrow(
            "UPDATE orders SET status = 'cancelled' WHERE id = $1 AND status = 'pending' RETURNING *",
            int(order_id),
        )
        if row is None:
            raise ValueError("only pending orders can be cancelled")
        return _to_order(dict(row))

    @strawberry.mutation(permission_classes=[IsAuthenticated, IsStaff])
    async def export_orders(self, info: Info, since: dt.date) -> str:
        raise NotImplementedError("CSV export is handled by the reporting service")

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def update_shipping_address(self, info: Info, order_id: strawberry.ID, line1: str, city: str) -> bool:
        principal = info.context["principal"]
        try:
            result = await db.pool().execute(
                "UPDATE orders SET ship_line1 = $3, ship_city = $4 WHERE id = $1 AND customer_id = $2",
                int(order_id), principal.user_id, line1, city,
            )
        except Exception:
            log.exception("address update failed for order %s", order_id)
            raise
        return result.endswith(" 1")


schema = strawberry.Schema(query=Query, mutation=Mutation)
