"""Service-to-service endpoints. Protected by require_internal_token (see create_app)."""
from __future__ import annotations

from flask import Blueprint, jsonify, request

from ..tasks import sync_supplier
from ..webhooks import handle_supplier_event

bp = Blueprint("internal", __name__)


@bp.post("/suppliers/<int:supplier_id>/sync")
def trigger_sync(supplier_id: int):
    result = sync_supplier.delay(supplier_id, timeout=float(request.args.get("timeout", 30)))
    return jsonify(task_id=result.id), 202


@bp.post("/supplier-events")
def supplier_event():
    status = handle_supplier_event(request.get_data(), request.headers.get("X-Supplier-Signature", ""))
    return jsonify(status=status), 200 if status == "ok" else 400
