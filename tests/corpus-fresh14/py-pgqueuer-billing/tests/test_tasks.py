import hashlib
import hmac
import json

import pytest

from billing_worker.tasks import InvalidJob, decode_signed

KEY = b"test-signing-key"


def signed(data: dict, key: bytes = KEY) -> bytes:
    body = json.dumps(data, sort_keys=True).encode()
    return json.dumps({"data": data, "sig": hmac.new(key, body, hashlib.sha256).hexdigest()}).encode()


def test_decode_roundtrip():
    data = {"invoice_id": 7, "amount_cents": 1299, "customer_account": "cus_1"}
    assert decode_signed(signed(data), KEY) == data


def test_decode_rejects_wrong_key():
    with pytest.raises(InvalidJob, match="signature"):
        decode_signed(signed({"invoice_id": 1}, key=b"other"), KEY)


def test_decode_rejects_empty_payload():
    with pytest.raises(InvalidJob):
        decode_signed(None, KEY)


def test_signature_is_stable():
    a = signed({"b": 1, "a": 2})
    b = signed({"a": 2, "b": 1})
    assert hmac.compare_digest(a, b)


def test_decode_large_payload():
    data = {"invoice_id": 9, "lines": [{"memo": f"line {i}", "amount_cents": i} for i in range(5_000)]}
    decode_signed(signed(data), KEY)
