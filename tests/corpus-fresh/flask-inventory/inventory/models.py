from __future__ import annotations

from datetime import datetime, timezone

from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


def _now() -> datetime:
    return datetime.now(timezone.utc)


class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    sku = db.Column(db.String(64), unique=True, nullable=False)
    name = db.Column(db.String(200), nullable=False)
    quantity = db.Column(db.Integer, nullable=False, default=0)
    reserved = db.Column(db.Integer, nullable=False, default=0)
    archived = db.Column(db.Boolean, nullable=False, default=False)
    supplier_id = db.Column(db.Integer, db.ForeignKey("supplier.id"))
    updated_at = db.Column(db.DateTime(timezone=True), default=_now, onupdate=_now)

    @property
    def available(self) -> int:
        return self.quantity - self.reserved

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "sku": self.sku,
            "name": self.name,
            "quantity": self.quantity,
            "available": self.available,
            "archived": self.archived,
        }


class Supplier(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(200), nullable=False)
    feed_url = db.Column(db.String(500))
    last_synced_at = db.Column(db.DateTime(timezone=True))


class AuditEvent(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    actor = db.Column(db.String(120))
    action = db.Column(db.String(64), nullable=False)
    payload = db.Column(db.JSON)
    created_at = db.Column(db.DateTime(timezone=True), default=_now)
