import hashlib
import hmac
import json

import pytest
from sanic import Sanic

from channels.chatline import SIGNATURE_HEADER, ChatlineInput

APP_SECRET = "test-app-secret"


@pytest.fixture
def collected():
    return []


@pytest.fixture
def app(collected):
    channel = ChatlineInput(app_secret=APP_SECRET, verify_token="verify-me", access_token="test-access", api_base="https://graph.chatline.test")

    async def on_new_message(message):
        collected.append(message)

    sanic_app = Sanic("chatline_test")
    sanic_app.blueprint(channel.blueprint(on_new_message), url_prefix="/webhooks/chatline")
    return sanic_app


def signed(body: bytes) -> dict:
    digest = hmac.new(APP_SECRET.encode(), body, hashlib.sha256).hexdigest()
    return {SIGNATURE_HEADER: f"sha256={digest}", "Content-Type": "application/json"}


def test_bad_signature_is_rejected(app, collected):
    body = json.dumps({"events": []}).encode()
    _, resp = app.test_client.post("/webhooks/chatline/webhook", content=body, headers={SIGNATURE_HEADER: "sha256=00"})
    assert resp.status == 401
    assert collected == []


def test_signed_message_reaches_rasa_with_metadata(app, collected):
    body = json.dumps(
        {"events": [{"type": "message", "sender": {"id": "u-9", "verified_phone": "+31612345678"}, "message": {"text": "where is my booking"}}]}
    ).encode()
    _, resp = app.test_client.post("/webhooks/chatline/webhook", content=body, headers=signed(body))
    assert resp.status == 200
    assert [m.text for m in collected] == ["where is my booking"]
    assert collected[0].metadata["verified_phone"] == "+31612345678"


def test_verification_handshake_echoes_challenge(app):
    _, resp = app.test_client.get(
        "/webhooks/chatline/webhook",
        params={"hub.mode": "subscribe", "hub.verify_token": "verify-me", "hub.challenge": "c-123"},
    )
    assert resp.status == 200
    assert resp.text == "c-123"
