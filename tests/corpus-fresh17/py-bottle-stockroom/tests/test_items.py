import hashlib
import hmac
import json

import pytest

from stockroom.auth import verify_supplier_signature
from stockroom.db import Repository


def test_get_item_requires_api_key(client):
    client.get("/items/SKU-1", status=401)


def test_unknown_sku_is_404(client):
    client.get("/items/NOPE", headers={"X-Api-Key": "test-key"}, status=404)


def test_get_item(client):
    resp = client.get("/items/SKU-1", headers={"X-Api-Key": "test-key"})
    assert resp.json["quantity"] == 40


def test_adjust_records_movement(settings):
    repo = Repository(settings.database_path)
    repo.adjust("SKU-1", -3)
    repo.record_movement("SKU-1", -3, "pick", "test")


def test_adjust_rejects_negative_stock(settings):
    repo = Repository(settings.database_path)
    with pytest.raises(ValueError, match="cannot adjust"):
        repo.adjust("SKU-1", -500)


def test_scanner_adjustment(client):
    resp = client.post_json(
        "/items/SKU-1/adjust",
        {"delta": 5, "reason": "recount"},
        headers={"X-Device-Id": "scanner-7", "X-Device-Token": "dev-token-7"},
    )
    assert resp.json == {"sku": "SKU-1", "quantity": 45}


def test_supplier_signature_roundtrip():
    body = json.dumps({"type": "ping"}).encode()
    sig = hmac.new(b"whsec-test", body, hashlib.sha256).hexdigest()
    assert verify_supplier_signature("whsec-test", body, sig)
    assert not verify_supplier_signature("whsec-test", body, "0" * 64)
