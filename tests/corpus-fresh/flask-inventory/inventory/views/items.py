from __future__ import annotations

from flask import Blueprint, abort, current_app, jsonify, request

from ..auth import current_user_id, login_required
from ..services import OutOfStock, get_item, parse_quantity, reserve_stock, search_items

bp = Blueprint("items", __name__)


@bp.get("/")
@login_required
def list_items():
    settings = current_app.config["SETTINGS"]
    q = request.args.get("q", "")
    limit = parse_quantity(request.args.get("limit"), default=settings.page_size)
    archived = request.args.get("archived") == "1"
    items = search_items(q, limit=limit, include_archived=archived)
    return jsonify(items=[i.to_dict() for i in items])


@bp.get("/<sku>")
@login_required
def show_item(sku: str):
    item = get_item(sku)
    if item is None:
        abort(404)
    return jsonify(item.to_dict())


@bp.post("/<sku>/reservations")
@login_required
def reserve(sku: str):
    qty = parse_quantity(request.json.get("qty") if request.is_json else None)
    try:
        item = reserve_stock(sku, qty, actor=current_user_id())
    except LookupError:
        abort(404)
    except OutOfStock as exc:
        abort(409, description=str(exc))
    return jsonify(item.to_dict()), 201
