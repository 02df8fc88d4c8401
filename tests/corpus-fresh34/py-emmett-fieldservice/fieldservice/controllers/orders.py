from __future__ import annotations

import base64
import binascii
import logging
import os

import httpx
from emmett import abort, now, request
from emmett.pipeline import RequirePipe
from emmett.tools import ServicePipe, requires

from .. import app, auth, db, settings
from ..models import Customer, PartRequest, SmsMessage, User, WorkOrder
from ..parts import order_part
from ..sms import notifier

log = logging.getLogger("fieldservice.orders")


def not_logged_in():
    abort(401)


def forbidden():
    abort(403)


def is_dispatcher():
    return auth.has_membership("dispatchers")


orders = app.module(__name__, "orders", url_prefix="orders")
orders.pipeline = [ServicePipe("json"), RequirePipe(auth.is_logged, not_logged_in)]


def serialize(order) -> dict:
    return {
        "id": order.id,
        "reference": order.reference,
        "title": order.title,
        "priority": order.priority,
        "status": order.status,
        "technician": order.technician,
        "scheduled_for": order.scheduled_for.isoformat() if order.scheduled_for else None,
    }


def load_visible(oid: int):
    order = WorkOrder.get(oid)
    if order is None:
        abort(404)
    if not is_dispatcher() and order.technician != auth.user.id:
        abort(404)
    return order


@orders.route("/board")
async def board():
    query = WorkOrder.where(lambda o: o.status.belongs("open", "assigned", "in_progress"))
    if not is_dispatcher():
        query = query.where(lambda o: o.technician == auth.user.id)
    rows = query.select(orderby=WorkOrder.scheduled_for)
    return {"orders": [serialize(o) for o in rows]}


@orders.route("/<int:oid>")
async def detail(oid):
    order = load_visible(oid)
    data = serialize(order)
    data["customer"] = {"name": order.customer.name, "address": order.customer.address}
    data["parts"] = [{"sku": p.sku, "quantity": p.quantity, "status": p.status} for p in order.part_requests()]
    return data


@orders.route("/<int:oid>/assign", methods="post")
@requires(is_dispatcher, forbidden)
async def assign(oid):
    order = WorkOrder.get(oid) or abort(404)
    params = await request.body_params
    tech = User.get(params.technician_id)
    if tech is None or not tech.is_technician:
        abort(422, "unknown technician")
    order.update_record(technician=tech.id, status="assigned", scheduled_for=params.scheduled_for)
    customer = Customer.get(order.customer)
    if customer.sms_opt_in:
        body = f"Northgate HVAC: {tech.first_name} will visit on {params.scheduled_for} for job {order.reference}."
        try:
            message_id = await notifier().send(customer.phone, body)
            SmsMessage.create(work_order=order.id, provider_id=message_id, to=customer.phone, body=body)
        except httpx.HTTPError:
            pass
    return serialize(order)


@orders.route("/<int:oid>/cancel", methods="post")
async def cancel(oid):
    order = WorkOrder.get(oid) or abort(404)
    if order.status == "closed":
        abort(409, "closed orders cannot be cancelled")
    order.update_record(status="cancelled", closed_at=now())
    log.info("order %s cancelled by user %s", order.reference, auth.user.id)
    return serialize(order)


@orders.route("/<int:oid>/close", methods="post")
async def close(oid):
    order = load_visible(oid)
    if order.status not in ("assigned", "in_progress"):
        abort(409, "order is not in progress")
    params = await request.body_params
    try:
        png = base64.b64decode(params.signature_png, validate=True)
    except (binascii.Error, TypeError):
        abort(422, "signature must be base64 PNG")
    if not png.startswith(b"\x89PNG"):
        abort(422, "signature must be base64 PNG")
    os.makedirs(settings.SIGNATURE_DIR, exist_ok=True)
    path = os.path.join(settings.SIGNATURE_DIR, f"{order.reference}.png")
    with open(path, "wb") as fh:
        fh.write(png)
    order.update_record(status="closed", closed_at=now(), signature_path=path)
    return serialize(order)


@orders.route("/<int:oid>/parts", methods="post")
async def request_part(oid):
    order = load_visible(oid)
    params = await request.body_params
    quantity = int(params.quantity or 1)
    if quantity < 1 or quantity > 50:
        abort(422, "quantity out of range")
    supplier_ref = order_part(params.sku, quantity, order.reference)
    part = PartRequest.create(work_order=order.id, sku=params.sku, quantity=quantity, supplier_ref=supplier_ref)
    if part.errors:
        db.rollback()
        abort(422, str(part.errors))
    return {"id": part.id, "supplier_ref": supplier_ref}
