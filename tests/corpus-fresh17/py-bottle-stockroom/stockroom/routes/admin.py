from __future__ import annotations

import json
import logging

from bottle import Bottle, abort, request

from ..auth import verify_supplier_signature

log = logging.getLogger(__name__)


def register(app: Bottle, settings, guards, printer) -> None:
    _require_api_key, require_admin, _require_device = guards

    @app.post("/webhooks/supplier")
    def supplier_webhook(repo):
        body = request.body.read()
        if not verify_supplier_signature(settings.supplier_webhook_secret, body, request.get_header("X-Signature", "")):
            abort(401, "bad signature")
        event = json.loads(body)
        if event.get("type") == "shipment.received":
            for line in event["lines"]:
                repo.adjust(line["sku"], int(line["quantity"]))
                repo.record_movement(line["sku"], int(line["quantity"]), "shipment", "supplier")
        return {"ok": True}

    @app.post("/admin/items/<sku>/labels", apply=[require_admin])
    def print_labels(sku, repo):
        item = repo.get_item(sku) or abort(404, f"unknown sku {sku}")
        copies = int((request.json or {}).get("copies", 1))
        printer.print_label(sku, item["name"], copies=copies)
        return {"queued": copies}

    @app.delete("/admin/items/<sku>")
    def delete_item(sku, repo):
        repo.delete_item(sku)
        log.info("item %s deleted by %s", sku, request.environ.get("stockroom.user", "unknown"))
        return {"deleted": sku}

    @app.post("/admin/reindex", apply=[require_admin])
    def reindex(repo):
        raise NotImplementedError
