from __future__ import annotations

import hashlib
import hmac
import time

import httpx
import pytest
import respx

from orders_api.payments import PaymentGateway, StripeGateway, verify_stripe_signature


def _sign(payload: bytes, secret: str = "whsec_test_secret", ts: int | None = None) -> str:
    ts = ts or int(time.time())
    mac = hmac.new(secret.encode(), f"{ts}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={ts},v1={mac}"


def test_valid_signature_accepted():
    assert verify_stripe_signature(b'{"id":"evt_1"}', _sign(b'{"id":"evt_1"}'))


def test_stale_signature_rejected():
    header = _sign(b"{}", ts=int(time.time()) - 3600)
    assert not verify_stripe_signature(b"{}", header)


def test_gateway_is_abstract():
    with pytest.raises(TypeError):
        PaymentGateway()  # type: ignore[abstract]


@respx.mock
async def test_refund_retries_then_raises():
    respx.post("https://api.stripe.com/v1/refunds").mock(side_effect=httpx.ConnectError("boom"))
    gateway = StripeGateway("sk_test_4eC39HqLyjWDarjtT1zdp7dc")
    with pytest.raises(httpx.ConnectError):
        await gateway.refund("ch_1", 100)


def test_shipping_client_against_local_stub():
    client = httpx.Client(base_url="https://localhost:8443", verify=False)
    client.close()
