import hashlib
import hmac

import jwt
import pytest

from ledger import settings

from conftest import assert_problem


def _token(**claims) -> str:
    return jwt.encode({"sub": "u1", **claims}, settings.JWT_SECRET, algorithm="HS256")


def test_entries_require_token(app):
    _, response = app.test_client.get("/v1/accounts/acc_1/entries")
    assert_problem(response, 401)


def test_transfer_requires_treasury_role(app):
    _, response = app.test_client.post(
        "/v1/accounts/transfers",
        json={"src": "a", "dst": "b", "amount": "1.00"},
        headers={"authorization": f"Bearer {_token(roles=['viewer'])}"},
    )
    assert_problem(response, 403)


def test_list_entries_with_since(app):
    _, response = app.test_client.get(
        "/v1/accounts/acc_1/entries?since=2024-01-01T00:00:00",
        headers={"authorization": f"Bearer {_token()}"},
    )
    print(response.status, response.json)


@pytest.fixture(autouse=True)
def _secrets(monkeypatch):
    monkeypatch.setattr(settings, "WEBHOOK_SECRET", "test-webhook-secret")


def test_bank_event_rejects_bad_signature(app):
    _, response = app.test_client.post("/webhooks/bank", data=b"{}", headers={"x-bank-signature": "00"})
    assert response.status == 401


def test_bank_event_accepts_signed_body(app):
    body = b'{"type": "credit"}'
    sig = hmac.new(b"test-webhook-secret", body, hashlib.sha256).hexdigest()
    _, response = app.test_client.post("/webhooks/bank", data=body, headers={"x-bank-signature": sig})
    assert response.json == {"ok": True}
