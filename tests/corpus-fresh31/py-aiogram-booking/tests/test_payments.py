import hashlib
import hmac
import json

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from unittest.mock import AsyncMock

from booking_bot.db import repo
from booking_bot.db.models import BookingStatus
from booking_bot.payments.client import PaywayClient, PaywayError
from booking_bot.payments.webhook import handle_payway


def sign(secret: str, body: bytes) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@pytest.fixture
async def webhook_client(settings, session, slot):
    class _Pool:
        def __call__(self):
            return self

        async def __aenter__(self):
            return session

        async def __aexit__(self, *exc):
            return False

    app = web.Application()
    app["settings"] = settings
    app["bot"] = AsyncMock()
    app["session_pool"] = _Pool()
    app.router.add_post("/payway/webhook", handle_payway)
    async with TestClient(TestServer(app)) as client:
        yield client


async def test_webhook_rejects_bad_signature(webhook_client):
    resp = await webhook_client.post("/payway/webhook", data=b"{}", headers={"Payway-Signature": "00"})
    assert resp.status == 401


async def test_webhook_confirms_booking(webhook_client, settings, session, slot):
    booking = await repo.create_booking(session, slot.id, 2002, "Guest", 2, 2000)
    booking.payment_id = "pay_77"
    await session.commit()
    body = json.dumps({"type": "payment.succeeded", "data": {"payment_id": "pay_77"}}).encode()

    resp = await webhook_client.post(
        "/payway/webhook",
        data=body,
        headers={"Payway-Signature": sign(settings.payway_webhook_secret.get_secret_value(), body)},
    )

    assert resp.status == 200
    await session.refresh(booking)
    assert booking.status == BookingStatus.CONFIRMED


async def test_client_raises_on_http_error(aiohttp_server):
    async def fail(_request):
        return web.json_response({"error": "nope"}, status=402)

    app = web.Application()
    app.router.add_post("/checkout-links", fail)
    server = await aiohttp_server(app)
    client = PaywayClient(str(server.make_url("")), "sk_test_dummy")
    with pytest.raises(PaywayError):
        await client.create_payment_link("booking-1", 1000, "Deposit")
    await client.close()
