from __future__ import annotations

import grpc
import pytest

from conftest import ADMIN_TOKEN, CUSTOMER_TOKEN, PARTNER_TOKEN, assert_status, bearer
from ledger import ledger_pb2


def test_accrue_increases_balance(stub):
    reply = stub.Accrue(
        ledger_pb2.AccrueRequest(account_id="acct-1", points=120, reason="order 1042",
                                 idempotency_key="ord-1042"),
        metadata=bearer(PARTNER_TOKEN),
    )
    assert reply.balance == 620
    balance = stub.GetBalance(ledger_pb2.BalanceRequest(account_id="acct-1"),
                              metadata=bearer(ADMIN_TOKEN))
    assert balance.points == 620


def test_accrue_is_idempotent(stub):
    req = ledger_pb2.AccrueRequest(account_id="acct-1", points=10, reason="x", idempotency_key="k1")
    stub.Accrue(req, metadata=bearer(PARTNER_TOKEN))
    with pytest.raises(grpc.RpcError) as exc_info:
        stub.Accrue(req, metadata=bearer(PARTNER_TOKEN))
    assert_status(exc_info.value, grpc.StatusCode.ALREADY_EXISTS)


def test_redeem_points(stub, payouts):
    stub.Redeem(
        ledger_pb2.RedeemRequest(account_id="acct-1", points=200, partner_id="p-77",
                                 idempotency_key="r-1"),
        metadata=bearer(PARTNER_TOKEN),
    )


def test_redeem_rejects_overdraft(stub):
    with pytest.raises(grpc.RpcError) as exc_info:
        stub.Redeem(
            ledger_pb2.RedeemRequest(account_id="acct-2", points=50, partner_id="p-77"),
            metadata=bearer(PARTNER_TOKEN),
        )
    assert_status(exc_info.value, grpc.StatusCode.FAILED_PRECONDITION)


def test_customer_cannot_reverse(stub):
    with pytest.raises(grpc.RpcError) as exc_info:
        stub.ReverseTransaction(ledger_pb2.ReverseRequest(transaction_id="t-1", reason="oops"),
                                metadata=bearer(CUSTOMER_TOKEN))
    assert_status(exc_info.value, grpc.StatusCode.PERMISSION_DENIED)


def test_customer_cannot_read_other_accounts(stub):
    with pytest.raises(grpc.RpcError, match="not found"):
        stub.GetBalance(ledger_pb2.BalanceRequest(account_id="acct-2"),
                        metadata=bearer(CUSTOMER_TOKEN))


def test_history_lists_newest_first(stub):
    for i in range(3):
        stub.Accrue(ledger_pb2.AccrueRequest(account_id="acct-1", points=i + 1, reason=f"r{i}"),
                    metadata=bearer(PARTNER_TOKEN))
    reply = stub.ListTransactions(ledger_pb2.HistoryRequest(account_id="acct-1", page_size=10),
                                  metadata=bearer(CUSTOMER_TOKEN))
    assert [e.delta for e in reply.entries] == [3, 2, 1]
