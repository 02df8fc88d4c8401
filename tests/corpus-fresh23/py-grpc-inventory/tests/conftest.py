from __future__ import annotations

from concurrent import futures

import grpc
import pytest
from sqlmodel import Session

from inventory.admin_servicer import AdminServicer
from inventory.auth import AuthInterceptor, Role, issue_token
from inventory.clients import StaticPrices
from inventory.config import load_settings
from inventory.db import create_schema, make_engine
from inventory.gen import inventory_pb2_grpc
from inventory.models import Item, StockLevel, Warehouse
from inventory.servicer import InventoryServicer

TEST_SECRET = "unit-test-signing-secret"


@pytest.fixture()
def settings():
    return load_settings({"INVENTORY_DATABASE_URL": "sqlite:///:memory:", "INVENTORY_TOKEN_SECRET": TEST_SECRET})


@pytest.fixture()
def engine(settings):
    engine = make_engine(settings.database_url)
    create_schema(engine)
    return engine


@pytest.fixture()
def seeded(engine):
    with Session(engine) as session:
        wh1, wh2 = Warehouse(code="BER", name="Berlin"), Warehouse(code="WAW", name="Warsaw")
        item = Item(sku="MUG-001", name="Mug", price_cents=899)
        session.add_all([wh1, wh2, item])
        session.flush()
        session.add_all(
            [
                StockLevel(item_id=item.id, warehouse_id=wh1.id, on_hand=5),
                StockLevel(item_id=item.id, warehouse_id=wh2.id, on_hand=40),
            ]
        )
        session.commit()
        return {"item_id": item.id, "berlin": wh1.id, "warsaw": wh2.id}


@pytest.fixture()
def channel(settings, engine):
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4), interceptors=[AuthInterceptor(settings)])
    inventory_pb2_grpc.add_InventoryServicer_to_server(InventoryServicer(engine), server)
    inventory_pb2_grpc.add_AdminServicer_to_server(AdminServicer(engine, StaticPrices({"MUG-001": 999})), server)
    port = server.add_insecure_port("localhost:0")
    server.start()
    # In-process server on loopback; the TLS path is covered in staging.
    ch = grpc.insecure_channel(f"localhost:{port}")
    yield ch
    ch.close()
    server.stop(grace=None)


def bearer(role: Role, *, warehouses: list[int] | None = None) -> tuple[tuple[str, str], ...]:
    token = issue_token(f"test-{role.value}", role, TEST_SECRET, warehouses=warehouses)
    return (("authorization", f"Bearer {token}"),)


def assert_status(call, code: grpc.StatusCode) -> None:
    with pytest.raises(grpc.RpcError) as excinfo:
        call()
    assert excinfo.value.code() == code, excinfo.value.details()
