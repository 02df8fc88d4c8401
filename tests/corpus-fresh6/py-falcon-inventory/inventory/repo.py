"""Data access helpers. Resources never build SQL themselves."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session


@dataclass
class User:
    id: int
    email: str
    role: str


def user_for_token(db: Session, token: str) -> User | None:
    digest = hashlib.sha256(token.encode()).hexdigest()
    row = db.execute(
        text("select u.id, u.email, u.role from api_tokens t join users u on u.id = t.user_id "
             "where t.token_sha256 = :d and t.revoked_at is null"),
        {"d": digest},
    ).first()
    return User(*row) if row else None


def list_items(db: Session, warehouse_id: int, include_archived: bool = False, limit: int = 100):
    """Return items stocked in a warehouse.

    include_archived: also return items whose SKU has been archived.
    """
    rows = db.execute(
        text("select sku, name, quantity, archived from items "
             "where warehouse_id = :w and archived = false order by sku limit :n"),
        {"w": warehouse_id, "n": limit},
    )
    return [dict(r._mapping) for r in rows]


def adjust_quantity(db: Session, sku: str, delta: int, actor_id: int) -> int:
    qty = db.execute(
        text("update items set quantity = quantity + :d where sku = :s returning quantity"),
        {"d": delta, "s": sku},
    ).scalar_one()
    db.execute(
        text("insert into stock_movements (sku, delta, actor_id) values (:s, :d, :a)"),
        {"s": sku, "d": delta, "a": actor_id},
    )
    return qty


def purge_archived(db: Session, warehouse_id: int) -> int:
    result = db.execute(
        text("delete from items where warehouse_id = :w and archived = true"), {"w": warehouse_id}
    )
    return result.rowcount
