import hashlib
import hmac
import json
from datetime import date

import httpx
import pytest

from payroll import settings
from payroll.bank import BankClient, verify_callback

CALLBACK_SECRET = "test-callback-secret"


def sign(body: bytes) -> str:
    return hmac.new(CALLBACK_SECRET.encode(), body, hashlib.sha256).hexdigest()


def make_client(handler) -> BankClient:
    conf = settings.load()
    return BankClient(conf, transport=httpx.MockTransport(handler))


def test_callback_signature_round_trip():
    body = b'{"reference":"HR-PAY-10","status":"SETTLED"}'
    assert verify_callback(body, sign(body), CALLBACK_SECRET)
    assert not verify_callback(body, sign(body + b" "), CALLBACK_SECRET)


def test_submit_payment_sends_amount_and_reference():
    seen = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen.update(json.loads(request.content))
        seen["idempotency"] = request.headers["Idempotency-Key"]
        return httpx.Response(201, json={"paymentId": "MB-1", "status": "ACCEPTED"})

    receipt = make_client(handler).submit_payment("040004", "12345678", 281_000, "HR-PAY-10", date(2024, 6, 28))

    assert receipt.bank_reference == "MB-1"
    assert seen["amount"] == {"value": 281_000, "currency": "GBP"}
    assert seen["idempotency"] == "HR-PAY-10"


def test_submit_payment_raises_on_rejection():
    client = make_client(lambda request: httpx.Response(422, json={"error": "invalid account"}))
    with pytest.raises(httpx.HTTPStatusError):
        client.submit_payment("040004", "00000000", 100, "HR-PAY-11", date(2024, 6, 28))


def test_export_dir_follows_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("PAYROLL_EXPORT_DIR", str(tmp_path))
    assert settings.load().export_dir == tmp_path
