from __future__ import annotations

import logging
import sqlite3

from bottle import Bottle, HTTPError, abort, request, response

log = logging.getLogger(__name__)


def register(app: Bottle, settings, guards, supplier) -> None:
    require_api_key, _require_admin, require_device = guards

    @app.get("/health")
    def health():
        return {"status": "ok"}

    @app.get("/items", apply=[require_api_key])
    def list_items(repo):
        warehouse = request.query.get("warehouse") or abort(400, "warehouse is required")
        items = repo.list_items(
            warehouse,
            include_archived=request.query.get("archived") == "1",
            limit=int(request.query.get("limit", 100)),
        )
        return {"items": items}

    @app.get("/items/<sku>", apply=[require_api_key])
    def get_item(sku, repo):
        item = repo.get_item(sku)
        if item is None:
            raise HTTPError(404, f"unknown sku {sku}")
        return item

    @app.post("/items/<sku>/adjust", apply=[require_device])
    def adjust_stock(sku, repo):
        payload = request.json or {}
        try:
            delta = int(payload["delta"])
            reason = str(payload.get("reason", "scan"))
        except (KeyError, TypeError, ValueError):
            abort(400, "delta must be an integer")
        actor = request.environ["stockroom.user"]
        try:
            quantity = repo.adjust(sku, delta)
        except ValueError as exc:
            abort(409, str(exc))
        try:
            repo.record_movement(sku, delta, reason, actor)
        except sqlite3.Error:
            pass  # best effort
        if quantity <= settings.low_stock_threshold:
            try:
                supplier.reorder(sku, settings.extra.get("reorder_quantity", 50))
            except Exception:
                # The nightly reorder sweep retries anything still below threshold.
                log.exception("automatic reorder for %s failed", sku)
        response.status = 200
        return {"sku": sku, "quantity": quantity}
