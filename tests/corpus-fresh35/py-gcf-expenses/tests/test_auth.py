import hashlib
import hmac
import time
from unittest import mock

import flask
import pytest

from expenses import auth

from .conftest import TEST_SIGNING_SECRET

app = flask.Flask(__name__)


def _chat_request(body: bytes, secret: str = TEST_SIGNING_SECRET, ts: int | None = None):
    ts = ts or int(time.time())
    sig = "v0=" + hmac.new(secret.encode(), f"v0:{ts}:".encode() + body, hashlib.sha256).hexdigest()
    return app.test_request_context(
        "/",
        method="POST",
        data=body,
        headers={"X-Chat-Request-Timestamp": str(ts), "X-Chat-Signature": sig},
    )


@pytest.fixture(autouse=True)
def signing_secret():
    with mock.patch("expenses.secrets.get", return_value=TEST_SIGNING_SECRET):
        yield


def test_valid_chat_signature_passes():
    with _chat_request(b"payload=%7B%7D"):
        assert auth.verify_chat_signature(flask.request) is None


def test_chat_signature_with_other_secret_is_rejected():
    with _chat_request(b"payload=%7B%7D", secret="someone-else"):
        with pytest.raises(auth.Unauthorized, match="bad signature"):
            auth.verify_chat_signature(flask.request)


def test_stale_chat_timestamp_is_rejected():
    with _chat_request(b"payload=%7B%7D", ts=int(time.time()) - 3600):
        with pytest.raises(auth.Unauthorized, match="stale"):
            auth.verify_chat_signature(flask.request)


def test_foreign_domain_is_forbidden():
    claims = {"email": "eve@gmail.com", "email_verified": True, "hd": None}
    with app.test_request_context("/", headers={"Authorization": "Bearer x"}):
        with mock.patch.object(auth.id_token, "verify_oauth2_token", return_value=claims):
            with pytest.raises(auth.Forbidden):
                auth.user_from_request(flask.request)
