from __future__ import annotations

import grpc
import pytest

from conftest import ADMIN_TOKEN, assert_status, bearer
from ledger import __version__, ledger_pb2
from ledger.auth import hash_token


def test_hash_token_is_hex_sha256():
    digest = hash_token("lk_example")
    assert len(digest) == 64
    assert digest == hash_token("lk_example")


def test_server_info_is_public(stub):
    info = stub.GetServerInfo(ledger_pb2.ServerInfoRequest())
    assert info.version == __version__


def test_missing_token_is_unauthenticated(stub):
    with pytest.raises(grpc.RpcError) as exc_info:
        stub.GetBalance(ledger_pb2.BalanceRequest(account_id="acct-1"))
    assert_status(exc_info.value, grpc.StatusCode.UNAUTHENTICATED)


def test_unknown_token_rejected(stub):
    with pytest.raises(grpc.RpcError):
        stub.GetBalance(ledger_pb2.BalanceRequest(account_id="acct-1"),
                        metadata=bearer("lk_notarealtoken_99999999"))


def test_admin_can_read_any_account(stub):
    balance = stub.GetBalance(ledger_pb2.BalanceRequest(account_id="acct-2"),
                              metadata=bearer(ADMIN_TOKEN))
    assert balance.points == 20
