from __future__ import annotations

from datetime import datetime, timezone

from sqlmodel import Field, SQLModel, UniqueConstraint


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Warehouse(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(index=True, unique=True, max_length=16)
    name: str
    active: bool = True


class Item(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    sku: str = Field(index=True, unique=True, max_length=64)
    name: str
    price_cents: int = 0
    updated_at: datetime = Field(default_factory=utcnow)


class StockLevel(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("item_id", "warehouse_id"),)

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="item.id", index=True)
    warehouse_id: int = Field(foreign_key="warehouse.id", index=True)
    on_hand: int = 0
    reserved: int = 0


class StockMovement(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="item.id")
    warehouse_id: int = Field(foreign_key="warehouse.id")
    delta: int
    reason: str
    actor: str
    order_ref: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
