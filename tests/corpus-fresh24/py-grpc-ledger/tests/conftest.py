from __future__ import annotations

from concurrent import futures

import grpc
import pytest
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, SQLModel, create_engine

from ledger import ledger_pb2_grpc
from ledger.auth import TOKEN_PREFIX_LEN, AuthInterceptor, hash_token
from ledger.models import Account, ApiToken
from ledger.servicer import LedgerService

ADMIN_TOKEN = "lk_testadmin_0000000000000000"
PARTNER_TOKEN = "lk_testpartnr_111111111111111"
CUSTOMER_TOKEN = "lk_testcustmr_222222222222222"


class RecordingPayouts:
    def __init__(self) -> None:
        self.sent: list[tuple[str, int, str]] = []

    def send(self, partner_id: str, amount_cents: int, reference: str) -> str:
        self.sent.append((partner_id, amount_cents, reference))
        return f"rcpt_{len(self.sent)}"


@pytest.fixture
def engine():
    eng = create_engine(
        "sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool
    )
    SQLModel.metadata.create_all(eng)
    with Session(eng) as s:
        s.add(Account(id="acct-1", owner_email="ada@example.test", points=500))
        s.add(Account(id="acct-2", owner_email="bo@example.test", points=20))
        for raw, role, account in (
            (ADMIN_TOKEN, "admin", None),
            (PARTNER_TOKEN, "partner", None),
            (CUSTOMER_TOKEN, "customer", "acct-1"),
        ):
            s.add(
                ApiToken(
                    prefix=raw[:TOKEN_PREFIX_LEN], token_hash=hash_token(raw), role=role,
                    account_id=account,
                )
            )
        s.commit()
    return eng


@pytest.fixture
def payouts():
    return RecordingPayouts()


@pytest.fixture
def channel(engine, payouts):
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=4), interceptors=[AuthInterceptor(engine)]
    )
    ledger_pb2_grpc.add_LedgerServicer_to_server(LedgerService(engine, payouts), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
        yield ch
    server.stop(grace=None)


@pytest.fixture
def stub(channel):
    return ledger_pb2_grpc.LedgerStub(channel)


def bearer(token: str) -> tuple[tuple[str, str], ...]:
    return (("authorization", f"Bearer {token}"),)


def assert_status(err: grpc.RpcError, code: grpc.StatusCode) -> None:
    assert isinstance(err, grpc.RpcError)
    assert err.code() == code, f"expected {code}, got {err.code()}: {err.details()}"
