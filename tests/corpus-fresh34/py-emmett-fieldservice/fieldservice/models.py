from __future__ import annotations

from emmett import now
from emmett.orm import Field, Model, belongs_to, has_many
from emmett.tools.auth import AuthUser


class User(AuthUser):
    phone = Field.string()
    is_technician = Field.bool(default=False)
    has_many({"assigned_orders": "WorkOrder.technician"})

    form_profile_rw = {"phone": True}


class Customer(Model):
    has_many("work_orders")

    name = Field.string()
    phone = Field.string()
    address = Field.text()
    sms_opt_in = Field.bool(default=True)

    validation = {"name": {"presence": True}, "phone": {"presence": True}}


class WorkOrder(Model):
    tablename = "work_orders"
    belongs_to("customer", {"technician": "User"})
    has_many("visits", "part_requests")

    reference = Field.string(unique=True)
    title = Field.string()
    description = Field.text()
    priority = Field.string(default="normal")
    status = Field.string(default="open")
    scheduled_for = Field.datetime()
    created_at = Field.datetime()
    closed_at = Field.datetime()
    signature_path = Field.string()

    default_values = {"created_at": now}
    validation = {
        "title": {"presence": True, "len": {"lte": 140}},
        "priority": {"in": ["low", "normal", "urgent"]},
        "status": {"in": ["open", "assigned", "in_progress", "closed", "cancelled"]},
    }


class Visit(Model):
    belongs_to({"work_order": "WorkOrder"}, {"technician": "User"})

    arrived_at = Field.datetime()
    left_at = Field.datetime()
    notes = Field.text()


class PartRequest(Model):
    tablename = "part_requests"
    belongs_to({"work_order": "WorkOrder"})

    sku = Field.string()
    quantity = Field.int(default=1)
    supplier_ref = Field.string()
    status = Field.string(default="requested")


class ApiKey(Model):
    tablename = "api_keys"

    prefix = Field.string(unique=True)
    secret = Field.string()
    label = Field.string()
    revoked = Field.bool(default=False)
    last_used_at = Field.datetime()


class SmsMessage(Model):
    tablename = "sms_messages"
    belongs_to({"work_order": "WorkOrder"})

    provider_id = Field.string()
    to = Field.string()
    body = Field.text()
    status = Field.string(default="queued")
    updated_at = Field.datetime()
