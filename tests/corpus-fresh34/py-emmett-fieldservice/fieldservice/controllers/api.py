from __future__ import annotations

import logging
import secrets
from datetime import datetime

from emmett import abort, request, response
from emmett.tools import ServicePipe

from .. import app, db
from ..models import Customer, WorkOrder
from ..pipes import ApiKeyPipe, TimingPipe

log = logging.getLogger("fieldservice.api")

api = app.module(__name__, "api", url_prefix="api/v1")
api.pipeline = [TimingPipe(), ServicePipe("json"), ApiKeyPipe()]


def new_reference() -> str:
    return "WO-" + secrets.token_urlsafe(9).replace("-", "").replace("_", "")[:12].upper()


def as_dict(order) -> dict:
    return {
        "reference": order.reference,
        "title": order.title,
        "status": order.status,
        "priority": order.priority,
        "customer_id": order.customer,
        "scheduled_for": order.scheduled_for.isoformat() if order.scheduled_for else None,
        "closed_at": order.closed_at.isoformat() if order.closed_at else None,
    }


@api.route("/orders", methods="get")
async def list_orders(api_key):
    status = request.query_params.status
    since = request.query_params.updated_since
    query = WorkOrder.all()
    if status:
        query = query.where(lambda o: o.status == status)
    if since:
        try:
            cutoff = datetime.fromisoformat(since)
        except ValueError:
            abort(422, "updated_since must be ISO 8601")
        query = query.where(lambda o: o.created_at >= cutoff)
    rows = query.select(orderby=~WorkOrder.created_at, limitby=(0, 200))
    return {"orders": [as_dict(o) for o in rows], "client": api_key.label}


@api.route("/orders", methods="post")
async def create_order(api_key):
    params = await request.body_params
    customer = Customer.get(params.customer_id)
    if customer is None:
        abort(422, "unknown customer")
    res = WorkOrder.create(
        reference=new_reference(),
        customer=customer.id,
        title=params.title,
        description=params.description,
        priority=params.priority or "normal",
    )
    if res.errors:
        db.rollback()
        response.status = 422
        return {"errors": res.errors}
    response.status = 201
    log.info("order %s created by %s", res.id, api_key.label)
    return as_dict(WorkOrder.get(res.id))


@api.route("/orders/<str:ref>", methods="get")
async def get_order(api_key, ref):
    order = WorkOrder.where(lambda o: o.reference == ref).select().first()
    if order is None:
        abort(404)
    return as_dict(order)


@api.route("/orders/<str:ref>/attachments", methods="post")
async def upload_attachment(api_key, ref):
    abort(501)
