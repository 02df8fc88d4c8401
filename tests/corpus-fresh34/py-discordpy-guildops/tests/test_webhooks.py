from __future__ import annotations

import json
from unittest.mock import AsyncMock, MagicMock

import pytest

from guildops.config import load_settings
from guildops.webhooks import build_webhook_app


@pytest.fixture
async def client(aiohttp_client, bot):
    bot.store.record_supporter = AsyncMock(return_value=True)
    bot.guilds = []
    bot.get_user = MagicMock(return_value=None)
    return await aiohttp_client(build_webhook_app(bot))


async def test_kofi_rejects_wrong_token(client, bot):
    data = {"verification_token": "nope", "type": "Donation", "kofi_transaction_id": "t1", "amount": "5.00"}
    resp = await client.post("/webhooks/kofi", data={"data": json.dumps(data)})
    assert resp.status == 401
    bot.store.record_supporter.assert_not_awaited()


async def test_kofi_records_donation(client, bot):
    data = {"verification_token": "kofi-test-token", "type": "Donation", "kofi_transaction_id": "t2", "amount": "3.50"}
    resp = await client.post("/webhooks/kofi", data={"data": json.dumps(data)})
    assert resp.status == 200
    bot.store.record_supporter.assert_awaited_once_with("t2", None, "3.50")


async def test_topgg_requires_secret(client):
    resp = await client.post("/webhooks/topgg", json={"user": "1", "type": "upvote"}, headers={"Authorization": "wrong"})
    assert resp.status == 401


def test_settings_require_discord_token():
    with pytest.raises(KeyError):
        load_settings({"STAFF_ROLE_ID": "1"})
