import hashlib
import hmac

import pytest

from payments.config import Settings
from payments.security import chargeback_digest, webhook_signature_valid

SECRET = 'unit-test-secret-not-used-anywhere'


def test_webhook_signature_roundtrip():
    body = b'{"type":"capture.settled","reference":"pay_1"}'
    header = 'sha256=' + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert webhook_signature_valid(SECRET, body, header)
    assert not webhook_signature_valid(SECRET, body + b' ', header)
    assert not webhook_signature_valid(SECRET, body, None)
    assert not webhook_signature_valid(SECRET, body, header.removeprefix('sha256='))


def test_chargeback_digest_is_stable():
    first = chargeback_digest(SECRET, 'cb_1', 'pay_1', 1999)
    assert first == chargeback_digest(SECRET, 'cb_1', 'pay_1', 1999)
    assert first != chargeback_digest(SECRET, 'cb_1', 'pay_1', 2000)


def test_settings_refuse_placeholder_ops_token(monkeypatch):
    monkeypatch.setenv('PAYMENTS_OPS_TOKEN', 'changeme')
    with pytest.raises(ValueError):
        Settings()
