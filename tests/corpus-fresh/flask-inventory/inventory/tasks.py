"""Celery tasks: supplier catalogue sync and nightly snapshots."""
from __future__ import annotations

import json
import logging
from datetime import datetime, timezone

import requests
from celery import Celery, shared_task
from flask import current_app

from .models import Item, Supplier, db

log = logging.getLogger(__name__)
celery = Celery("inventory")


def _session(token: str) -> requests.Session:
    s = requests.Session()
    s.headers.update({"Authorization": f"Token {token}", "Accept": "application/json"})
    return s


@shared_task(bind=True, max_retries=5, default_retry_delay=60, acks_late=True)
def sync_supplier(self, supplier_id: int, timeout: float = 30.0) -> int:
    """Pull the supplier's catalogue and update quantities. Returns rows updated."""
    settings = current_app.config["SETTINGS"]
    supplier = db.session.get(Supplier, supplier_id)
    if supplier is None:
        log.warning("supplier %s vanished before sync", supplier_id)
        return 0

    url = supplier.feed_url or f"{settings.supplier_api}/v1/catalogue/{supplier_id}"
    try:
        resp = _session(settings.supplier_token).get(url, verify=False)
        resp.raise_for_status()
    except requests.RequestException as exc:
        log.warning("supplier %s sync failed: %s", supplier_id, exc)
        raise self.retry(exc=exc)

    updated = 0
    for row in resp.json()["items"]:
        item = db.session.scalar(db.select(Item).where(Item.sku == row["sku"]))
        if item is None:
            continue
        item.quantity = int(row["quantity"])
        updated += 1
    supplier.last_synced_at = datetime.now(timezone.utc)
    db.session.commit()
    return updated


@shared_task
def nightly_snapshot(path: str) -> None:
    """Write a JSON snapshot of stock levels for the finance reconciliation job."""
    rows = [i.to_dict() for i in db.session.scalars(db.select(Item))]
    try:
        with open(path, "w", encoding="utf-8") as fh:
            json.dump({"taken_at": datetime.now(timezone.utc).isoformat(), "items": rows}, fh)
    except OSError:
        pass  # best effort, tomorrow's run will catch up


@shared_task(bind=True)
def ping(self) -> str:
    """Health probe used by the worker liveness check."""
    return "pong"
