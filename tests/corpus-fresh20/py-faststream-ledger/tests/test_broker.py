import json
import uuid
from datetime import datetime, timezone
from decimal import Decimal
from unittest.mock import AsyncMock

import pytest
from faststream import context
from faststream.kafka import TestKafkaBroker

from ledger import broker as broker_module
from ledger.auth import envelope_signature
from ledger.broker import broker, handle_transfer, settings

KEY = "unit-test-envelope-key"


def transfer(**overrides) -> dict:
    body = {
        "transfer_id": str(uuid.uuid4()),
        "source": "core-banking",
        "from_account": "acc_ops_usd",
        "to_account": "acc_vendor_usd",
        "amount": "125.40",
        "currency": "USD",
        "requested_at": datetime(2024, 3, 4, 9, 30, tzinfo=timezone.utc).isoformat(),
    }
    body.update(overrides)
    return body


def signed_headers(body: dict, key: str = KEY) -> dict:
    return {"x-envelope-sig": envelope_signature(json.dumps(body).encode(), key)}


@pytest.fixture(autouse=True)
def wired(monkeypatch, fake_pool, fake_fx):
    monkeypatch.setattr(broker_module, "mark_transfer_seen", AsyncMock(return_value=True))
    monkeypatch.setattr(broker_module, "insert_postings", AsyncMock())
    monkeypatch.setattr(broker_module, "fetch_rate", AsyncMock(return_value=Decimal("0.9150")))
    context.set_global("pool", fake_pool)
    context.set_global("fx", fake_fx)
    yield
    context.reset_global("pool")
    context.reset_global("fx")


async def test_signed_transfer_is_consumed():
    body = transfer()
    async with TestKafkaBroker(broker) as br:
        await br.publish(json.dumps(body).encode(), topic=settings.topics["transfers"], headers=signed_headers(body))
        handle_transfer.mock.assert_called_once_with(body)


async def test_bad_signature_is_rejected():
    body = transfer()

    @broker.subscriber(settings.topics["rejections"])
    async def rejections(msg: dict) -> None: ...

    async with TestKafkaBroker(broker) as br:
        await br.publish(json.dumps(body).encode(), topic=settings.topics["transfers"], headers=signed_headers(body, "wrong"))
        rejections.mock.assert_called_once_with({"transfer_id": body["transfer_id"], "reason": "bad envelope signature"})
    broker_module.insert_postings.assert_not_awaited()


async def test_cross_currency_transfer_uses_fx_rate(fake_pool):
    fake_pool.fetchval.return_value = "EUR"
    body = transfer(to_account="acc_vendor_eur")
    async with TestKafkaBroker(broker) as br:
        await br.publish(json.dumps(body).encode(), topic=settings.topics["transfers"], headers=signed_headers(body))
