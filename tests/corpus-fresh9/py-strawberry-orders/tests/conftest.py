from __future__ import annotations

import datetime as dt
import os

import pytest

os.environ.setdefault("DATABASE_URL", "postgresql://orders:changeme@localhost:5432/orders_test")
os.environ.setdefault("STRIPE_WEBHOOK_SECRET", "whsec_test_secret")

from orders_api.auth import Principal  # noqa: E402


class FakePool:
    def __init__(self, rows: list[dict] | None = None) -> None:
        self.rows = rows or []
        self.executed: list[tuple] = []

    async def fetch(self, query: str, *args):
        self.executed.append((query, args))
        return self.rows

    async def fetchrow(self, query: str, *args):
        self.executed.append((query, args))
        return self.rows[0] if self.rows else None

    async def execute(self, query: str, *args):
        self.executed.append((query, args))
        return "UPDATE 1"


@pytest.fixture
def order_row() -> dict:
    return {
        "id": 7,
        "customer_id": "cus_1",
        "status": "paid",
        "total_cents": 4200,
        "charge_id": "ch_test_1",
        "created_at": dt.datetime(2024, 5, 1, tzinfo=dt.timezone.utc),
    }


@pytest.fixture
def fake_pool(monkeypatch, order_row) -> FakePool:
    pool = FakePool([order_row])
    monkeypatch.setattr("orders_api.db._pool", pool)
    return pool


@pytest.fixture
def staff() -> Principal:
    return Principal(user_id="staff_1", roles=frozenset({"staff"}))


@pytest.fixture
def customer() -> Principal:
    return Principal(user_id="cus_1", roles=frozenset())
