from __future__ import annotations

from dataclasses import dataclass, field, replace
from types import SimpleNamespace

import pytest
from pydantic import SecretStr

from payoutd.bank import Transfer
from payoutd.broker import broker
from payoutd.ledger import LedgerEntry, Payout


@dataclass
class FakeLedger:
    payouts: dict[str, Payout] = field(default_factory=dict)
    entries: list[LedgerEntry] = field(default_factory=list)

    async def get_payout(self, payout_id):
        return self.payouts.get(payout_id)

    async def set_status(self, payout_id, status, transfer_id=None):
        self.payouts[payout_id] = replace(self.payouts[payout_id], status=status)

    async def append(self, entry):
        self.entries.append(entry)

    async def list_stuck(self, older_than, limit=100):
        return [p for p in self.payouts.values() if p.status == "processing"][:limit]


class FakePool:
    def __init__(self, roles_by_actor):
        self.roles_by_actor = roles_by_actor

    async def fetchrow(self, query, actor):
        roles = self.roles_by_actor.get(actor)
        return {"roles": roles} if roles is not None else None


class FakeBank:
    def __init__(self):
        self.calls = []

    async def create_transfer(self, amount_minor, currency, destination, reference, idempotency_key=None):
        self.calls.append((amount_minor, currency, destination, reference, idempotency_key))
        return Transfer(id=f"tr_{reference}", status="submitted", amount_minor=amount_minor, currency=currency, reference=reference)


@pytest.fixture
def state():
    ledger = FakeLedger(
        payouts={
            "po_1": Payout("po_1", "m_1", 12_500, "EUR", "NL91ABNA0417164300", "pending_approval"),
            "po_2": Payout("po_2", "m_2", 990, "EUR", "DE89370400440532013000", "approved"),
        }
    )
    broker.state.ledger = ledger
    broker.state.pool = FakePool({"fin@acme.test": ["finance-admin"], "help@acme.test": ["support"]})
    broker.state.bank = FakeBank()
    broker.state.settings = SimpleNamespace(max_payout_minor=1_000_000, bank_callback_secret=SecretStr("cb-secret"))
    return broker.state


def assert_ledger_balanced(ledger: FakeLedger, payout_id: str, expected_minor: int) -> None:
    debits = sum(e.amount_minor for e in ledger.entries if e.payout_id == payout_id and e.kind == "debit")
    assert debits == expected_minor, f"ledger for {payout_id} has {debits}, expected {expected_minor}"
