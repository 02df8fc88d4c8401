import hashlib
import hmac
import json

import pytest
from starlette.testclient import TestClient

from inventory import app as app_module
from inventory.config import Settings


class FakeRepo:
    def __init__(self):
        self.adjustments = []

    async def search(self, text, *, limit, include_discontinued=False):
        return [{"sku": "A-1", "name": "Anvil", "quantity": 3}][:limit]

    async def adjust_stock(self, sku, delta, *, actor):
        self.adjustments.append((sku, delta, actor))
        return 3 + delta

    async def delete_all(self):
        pass

    async def close(self):
        pass


@pytest.fixture
def client(monkeypatch, tmp_path):
    test_settings = Settings(
        database_dsn="postgresql://test@localhost/test",
        partner_webhook_secret="test-partner-secret",
        export_dir=tmp_path,
        api_keys=frozenset({"test-key"}),
    )
    monkeypatch.setattr(app_module, "settings", test_settings)
    monkeypatch.setattr("inventory.auth.settings", test_settings)
    with TestClient(app_module.app) as c:
        c.app.state.repo = FakeRepo()
        yield c


def assert_ok_json(resp, **expected):
    assert resp.status_code == 200, resp.text
    body = resp.json()
    for key, value in expected.items():
        assert body[key] == value


def test_adjust_requires_scope(client):
    resp = client.post("/items/adjust", json={"sku": "A-1", "delta": 1})
    assert resp.status_code == 403


def test_adjust_with_key(client):
    resp = client.post("/items/adjust", json={"sku": "A-1", "delta": 2}, headers={"x-api-key": "test-key"})
    assert_ok_json(resp, sku="A-1", quantity=5)


def test_partner_push_signed(client):
    body = json.dumps({"lines": [{"sku": "A-1", "delta": -1}]}).encode()
    sig = hmac.new(b"test-partner-secret", body, hashlib.sha256).hexdigest()
    resp = client.post("/partner/stock", content=body, headers={"x-partner-signature": sig})
    assert_ok_json(resp, accepted=1)


def test_export_csv(client):
    client.get("/admin/export.csv")
