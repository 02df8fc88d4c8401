import hashlib
import hmac
import logging

from bookings.auth import verify_webhook
from bookings.notify import LogNotifier, Notifier


def _sign(body: bytes, secret: str = "changeme") -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def test_verify_webhook_accepts_valid_signature():
    body = b'{"event":"sync"}'
    assert verify_webhook(body, _sign(body))


def test_verify_webhook_rejects_missing_header():
    assert not verify_webhook(b"{}", None)


def test_log_notifier_is_a_notifier(caplog):
    caplog.set_level(logging.INFO)
    notifier = LogNotifier()
    notifier.send("+15551234567", "hello")
    assert isinstance(notifier, Notifier)
    assert "4567" in caplog.text


def test_notifier_send_smoke():
    LogNotifier().send("+15550000000", "ping")
