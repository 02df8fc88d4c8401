from datetime import datetime

from flask_appbuilder import Model
from flask_appbuilder.models.mixins import AuditMixin
from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    Numeric,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import relationship


class Warehouse(Model):
    __tablename__ = "warehouse"

    id = Column(Integer, primary_key=True)
    code = Column(String(8), unique=True, nullable=False)
    name = Column(String(120), nullable=False)
    address = Column(String(255))

    def __repr__(self):
        return f"{self.code} – {self.name}"


class StockItem(AuditMixin, Model):
    __tablename__ = "stock_item"
    __table_args__ = (UniqueConstraint("sku", "warehouse_id", name="uq_stock_item_sku_warehouse"),)

    id = Column(Integer, primary_key=True)
    sku = Column(String(40), nullable=False, index=True)
    name = Column(String(200), nullable=False)
    warehouse_id = Column(Integer, ForeignKey("warehouse.id"), nullable=False)
    warehouse = relationship("Warehouse")
    quantity = Column(Integer, nullable=False, default=0)
    reserved = Column(Integer, nullable=False, default=0)
    reorder_level = Column(Integer, nullable=False, default=0)
    unit_cost = Column(Numeric(12, 2), nullable=False, default=0)

    @property
    def available(self):
        return self.quantity - self.reserved

    def __repr__(self):
        return f"{self.sku} @ {self.warehouse_id}"


class StockMovement(Model):
    __tablename__ = "stock_movement"

    id = Column(Integer, primary_key=True)
    item_id = Column(Integer, ForeignKey("stock_item.id"), nullable=False)
    item = relationship("StockItem")
    delta = Column(Integer, nullable=False)
    reason = Column(String(64), nullable=False)
    created_by_fk = Column(Integer, ForeignKey("ab_user.id"))
    created_on = Column(DateTime, default=datetime.utcnow, nullable=False)
    synced_to_erp = Column(Boolean, default=False, nullable=False)


class ApiToken(Model):
    __tablename__ = "api_token"

    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("ab_user.id"), nullable=False)
    label = Column(String(64), nullable=False)
    token_prefix = Column(String(8), nullable=False, index=True)
    token_hash = Column(String(64), nullable=False)
    revoked = Column(Boolean, default=False, nullable=False)
    last_used_on = Column(DateTime)


class LoginAudit(Model):
    __tablename__ = "login_audit"

    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("ab_user.id"))
    username = Column(String(64))
    success = Column(Boolean, nullable=False)
    remote_addr = Column(String(45))
    created_on = Column(DateTime, default=datetime.utcnow, nullable=False)
