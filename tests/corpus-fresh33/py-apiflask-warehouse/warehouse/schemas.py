from apiflask import Schema
from apiflask.fields import Boolean, DateTime, Float, Integer, List, Nested, String
from apiflask.validators import Length, OneOf, Range


class ItemQuery(Schema):
    page = Integer(load_default=1, validate=Range(min=1))
    per_page = Integer(load_default=50, validate=Range(min=1, max=200))
    warehouse = String(load_default=None, metadata={"description": "Warehouse code, e.g. HAM1"})
    low_stock = Boolean(load_default=False)


class ItemIn(Schema):
    sku = String(required=True, validate=Length(1, 40))
    name = String(required=True, validate=Length(1, 200))
    warehouse_id = Integer(required=True)
    bin_code = String(load_default=None, validate=Length(max=20))


class ItemOut(Schema):
    id = Integer()
    sku = String()
    name = String()
    warehouse_id = Integer()
    bin_code = String(allow_none=True)
    on_hand = Integer()
    reserved = Integer()
    updated_at = DateTime()


class ItemPage(Schema):
    items = List(Nested(ItemOut))
    page = Integer()
    total = Integer()


class StockAdjustmentIn(Schema):
    delta = Integer(required=True, validate=Range(min=-100_000, max=100_000))
    reason = String(required=True, validate=OneOf(["cycle_count", "damage", "receipt", "correction"]))


class BinAssignmentIn(Schema):
    skus = List(String(), required=True, validate=Length(min=1, max=500))
    bin_code = String(required=True, validate=Length(1, 20))
    warehouse_id = Integer(required=True)


class ShipmentIn(Schema):
    order_ref = String(required=True, validate=Length(1, 40))
    warehouse_id = Integer(required=True)
    weight_kg = Float(required=True, validate=Range(min=0.01))
    destination_country = String(required=True, validate=Length(equal=2))


class ShipmentOut(Schema):
    id = Integer()
    order_ref = String()
    status = String()
    carrier_ref = String(allow_none=True)
    hold_reason = String(allow_none=True)
    created_at = DateTime()


class HoldIn(Schema):
    reason = String(required=True, validate=Length(1, 200))


class QuoteIn(Schema):
    service_level = String(load_default="standard", validate=OneOf(["economy", "standard", "express"]))


class QuoteOut(Schema):
    carrier = String()
    service_level = String()
    price = Float()
    currency = String()
    transit_days = Integer()


class CarrierEventIn(Schema):
    carrier_ref = String(required=True)
    event = String(required=True, validate=OneOf(["picked_up", "in_transit", "delivered", "exception"]))
    occurred_at = DateTime(required=True)
