import hashlib
import hmac

import pytest

from ledger_ingest.signing import InvalidSignature, verified, verify_v2


def sign(body: bytes, secret: bytes = b"test-secret-2") -> str:
    return hmac.new(secret, body, hashlib.sha256).hexdigest()


def test_verify_v2_accepts_good_signature():
    body = b'{"event_id":"evt_1"}'
    try:
        verify_v2({"x-key-id": "k2", "x-signature": sign(body)}, body)
    except InvalidSignature:
        pytest.fail("valid signature was rejected")


def test_verify_v2_rejects_unknown_key():
    with pytest.raises(InvalidSignature, match="unknown key id"):
        verify_v2({"x-key-id": "nope", "x-signature": "00"}, b"{}")


def test_verified_blocks_tampered_body():
    calls = []

    @verified
    def handler(body, headers, raw):
        calls.append(body)

    body = b'{"amount":"10.00"}'
    headers = {"x-signature-version": "2", "x-key-id": "k2", "x-signature": sign(body)}
    with pytest.raises(InvalidSignature):
        handler({}, headers, b'{"amount":"99.00"}')
    assert calls == []
