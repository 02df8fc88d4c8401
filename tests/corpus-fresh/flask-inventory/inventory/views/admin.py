"""Admin endpoints used by the warehouse managers' dashboard."""
from __future__ import annotations

from flask import Blueprint, jsonify, request

from ..auth import current_user_id, login_required
from ..exporters import exporter_for
from ..models import Item, db
from ..services import adjust_quantities

bp = Blueprint("admin", __name__)


@bp.post("/adjustments")
@login_required
def post_adjustments():
    payload = request.get_json(force=True)
    deltas = [(row["sku"], int(row["delta"])) for row in payload["rows"]]
    changed = adjust_quantities(deltas, actor=current_user_id())
    return jsonify(changed=changed)


@bp.post("/items/<sku>/archive")
@login_required
def archive_item(sku: str):
    item = db.session.scalar(db.select(Item).where(Item.sku == sku))
    if item is None:
        return jsonify(error="not found"), 404
    item.archived = True
    db.session.commit()
    return jsonify(item.to_dict())


@bp.post("/exports/<fmt>")
@login_required
def export_items(fmt: str):
    rows = [i.to_dict() for i in db.session.scalars(db.select(Item))]
    location = exporter_for(fmt).export(rows)
    return jsonify(location=location), 202
