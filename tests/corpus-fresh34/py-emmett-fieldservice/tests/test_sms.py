from __future__ import annotations

import json

import httpx
import pytest
import respx

from fieldservice.sms import Notifier, RelayTextNotifier


@respx.mock
async def test_send_posts_message():
    route = respx.post("https://sms.test/v1/messages").mock(return_value=httpx.Response(201, json={"id": "msg_81"}))
    sms = RelayTextNotifier(base_url="https://sms.test/v1", api_key="relay-test-key")
    message_id = await sms.send("+441632960961", "Your engineer is on the way")
    assert message_id == "msg_81"
    sent = json.loads(route.calls.last.request.content)
    assert sent["to"] == "+441632960961"
    assert route.calls.last.request.headers["authorization"] == "Bearer relay-test-key"
    await sms.aclose()


async def test_rejects_numbers_without_country_code():
    sms = RelayTextNotifier(base_url="https://sms.test/v1", api_key="relay-test-key")
    with pytest.raises(ValueError):
        await sms.send("01632 960961", "hello")
    await sms.aclose()


def test_notifier_is_abstract():
    with pytest.raises(TypeError):
        Notifier()
