import hashlib
import hmac
import json
import time
from unittest import mock

import cherrypy
import pytest
import requests

from billing.webhooks import PaymentWebhook

SECRET = b"whsec_changeme"


def _sign(body: bytes, ts: int) -> str:
    sig = hmac.new(SECRET, f"{ts}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={ts},v1={sig}"


@pytest.fixture
def hook():
    return PaymentWebhook()


def test_valid_signature_is_accepted(fake_request, hook):
    body = json.dumps({"type": "charge.succeeded", "data": {"charge": "ch_1"}}).encode()
    fake_request.body.read = lambda: body
    fake_request.headers["Payflow-Signature"] = _sign(body, int(time.time()))
    with mock.patch.object(hook, "_handle") as handle:
        assert hook.index() == {"received": True}
    handle.assert_called_once()


def test_stale_timestamp_is_rejected(fake_request, hook):
    body = b"{}"
    fake_request.body.read = lambda: body
    fake_request.headers["Payflow-Signature"] = _sign(body, int(time.time()) - 3600)
    with pytest.raises(cherrypy.HTTPError, match="stale"):
        hook.index()


@pytest.mark.integration
def test_sandbox_gateway_reachable():
    # The sandbox uses a self-signed certificate; only ever run against it.
    resp = requests.get("https://sandbox.payflow.local/v1/health", verify=False, timeout=5)
    assert resp.status_code == 200
