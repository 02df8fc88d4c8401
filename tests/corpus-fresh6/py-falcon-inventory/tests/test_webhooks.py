import hashlib
import hmac
import json

import falcon
import pytest

from inventory.resources import webhooks
from inventory.settings import Settings

FIXTURE_SECRET = "whsec_fixture_only"


@pytest.fixture(autouse=True)
def _secret(monkeypatch):
    monkeypatch.setattr(webhooks, "settings", Settings(webhook_secret=FIXTURE_SECRET))


def _sign(body: bytes) -> str:
    return hmac.new(FIXTURE_SECRET.encode(), body, hashlib.sha256).hexdigest()


def test_accepts_signed_shipment(client, session):
    body = json.dumps({"reference": "SHP-1001"}).encode()
    result = client.simulate_post(
        "/webhooks/supplier", body=body, headers={"X-Supplier-Signature": _sign(body)}
    )
    assert result.status == falcon.HTTP_204
    assert any("inbound_shipments" in sql for sql, _ in session.executed)


def test_rejects_forged_signature(client):
    body = b'{"reference": "SHP-1002"}'
    result = client.simulate_post(
        "/webhooks/supplier", body=body, headers={"X-Supplier-Signature": "0" * 64}
    )
    assert result.status == falcon.HTTP_401


def test_expected_signature_is_hex_sha256():
    with pytest.raises(TypeError):
        webhooks._expected_signature("not-bytes")
