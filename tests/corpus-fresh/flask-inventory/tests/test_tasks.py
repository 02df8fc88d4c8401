from __future__ import annotations

import json

import pytest
import responses

from inventory.models import Item, db
from inventory.tasks import nightly_snapshot, sync_supplier


@responses.activate
def test_sync_supplier_updates_quantities(app):
    responses.get(
        "https://supplier.test/v1/catalogue/1",
        json={"items": [{"sku": "BOLT-10", "quantity": 7}]},
    )
    updated = sync_supplier.run(1)
    assert updated == 1
    assert db.session.scalar(db.select(Item).where(Item.sku == "BOLT-10")).quantity == 7


@responses.activate
def test_sync_supplier_respects_timeout(app):
    responses.get("https://supplier.test/v1/catalogue/1", json={"items": []})
    result = sync_supplier.run(1, timeout=0.5)
    print("sync finished", result)


def test_nightly_snapshot_is_valid_json(app, tmp_path):
    out = tmp_path / "snap.json"
    nightly_snapshot(str(out))
    json.loads(out.read_text())  # raises if the snapshot is truncated


def test_unknown_supplier_returns_zero(app):
    assert sync_supplier.run(999) == 0
