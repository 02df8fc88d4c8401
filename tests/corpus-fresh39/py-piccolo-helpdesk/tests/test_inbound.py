import hashlib
import hmac

import pytest

from helpdesk.inbound import expected_signature, signature_is_fresh

KEY = "test-mailgun-signing-key"


def test_signature_matches_mailgun_reference():
    timestamp, token = "1718000000", "a1b2c3d4e5"
    reference = hmac.new(KEY.encode(), b"1718000000a1b2c3d4e5", hashlib.sha256).hexdigest()
    assert hmac.compare_digest(expected_signature(KEY, timestamp, token), reference)


@pytest.mark.parametrize(
    ("timestamp", "now", "fresh"),
    [("1000", 1100.0, True), ("1000", 1400.0, False), ("2000", 1000.0, False), ("soon", 1000.0, False)],
)
def test_freshness_window(timestamp, now, fresh):
    assert signature_is_fresh(timestamp, now=now) is fresh


def test_signature_changes_with_token():
    expected_signature(KEY, "1718000000", "token-one")
    expected_signature(KEY, "1718000000", "token-two")
