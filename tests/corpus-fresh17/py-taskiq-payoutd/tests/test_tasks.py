import hashlib
import hmac
import json
from dataclasses import replace

import pytest

from payoutd.security import PermissionDenied, ensure_permitted
from payoutd.tasks import approve_payout, cancel_payout, execute_payout, process_bank_callback

from .conftest import assert_ledger_balanced


async def test_execute_payout_books_debit(state):
    task = await execute_payout.kiq("po_2", idempotency_key="po_2:test")
    await task.wait_result()
    assert_ledger_balanced(state.ledger, "po_2", 990)


async def test_support_cannot_approve(state):
    with pytest.raises(PermissionDenied):
        await ensure_permitted(state.pool, "help@acme.test", "payouts:approve")


async def test_approve_requires_permission(state):
    task = await approve_payout.kiq("po_1", actor="help@acme.test")
    result = await task.wait_result()
    assert result.is_err
    assert state.ledger.payouts["po_1"].status == "pending_approval"


async def test_cancel_payout(state):
    task = await cancel_payout.kiq("po_1", actor="help@acme.test")
    await task.wait_result()


async def test_bank_callback_marks_paid(state):
    state.ledger.payouts["po_2"] = replace(state.ledger.payouts["po_2"], status="submitted")
    body = json.dumps({"type": "transfer.paid", "data": {"reference": "po_2"}})
    sig = hmac.new(b"cb-secret", body.encode(), hashlib.sha256).hexdigest()
    task = await process_bank_callback.kiq(body, sig)
    result = await task.wait_result()
    assert not result.is_err
    assert state.ledger.payouts["po_2"].status == "paid"
