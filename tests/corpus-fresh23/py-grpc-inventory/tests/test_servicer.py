from __future__ import annotations

import grpc
import pytest
from sqlmodel import Session, select

from inventory.auth import Role
from inventory.gen import inventory_pb2, inventory_pb2_grpc
from inventory.models import StockLevel

from .conftest import assert_status, bearer


@pytest.fixture()
def stub(channel):
    return inventory_pb2_grpc.InventoryStub(channel)


@pytest.fixture()
def admin_stub(channel):
    return inventory_pb2_grpc.AdminStub(channel)


def test_get_item_includes_stock(stub, seeded):
    item = stub.GetItem(inventory_pb2.GetItemRequest(sku="MUG-001"), metadata=bearer(Role.VIEWER))
    assert item.price_cents == 899
    assert sorted(level.on_hand for level in item.stock) == [5, 40]


def test_unknown_sku_is_not_found(stub, seeded):
    with pytest.raises(grpc.RpcError) as excinfo:
        stub.GetItem(inventory_pb2.GetItemRequest(sku="NOPE"), metadata=bearer(Role.VIEWER))
    assert excinfo.value.code() == grpc.StatusCode.NOT_FOUND


def test_missing_token_is_unauthenticated(stub, seeded):
    assert_status(lambda: stub.GetItem(inventory_pb2.GetItemRequest(sku="MUG-001")), grpc.StatusCode.UNAUTHENTICATED)


def test_viewer_cannot_reserve(stub, seeded):
    request = inventory_pb2.ReserveStockRequest(sku="MUG-001", quantity=1, order_ref="SO-1")
    assert_status(lambda: stub.ReserveStock(request, metadata=bearer(Role.VIEWER)), grpc.StatusCode.PERMISSION_DENIED)


def test_reserve_stock_from_requested_warehouse(stub, seeded, engine):
    request = inventory_pb2.ReserveStockRequest(
        sku="MUG-001", warehouse_id=seeded["berlin"], quantity=2, order_ref="SO-2"
    )
    stub.ReserveStock(request, metadata=bearer(Role.CLERK, warehouses=[seeded["berlin"]]))
    with Session(engine) as session:
        level = session.exec(select(StockLevel).where(StockLevel.warehouse_id == seeded["berlin"])).first()
        print("berlin after reservation:", level)


def test_list_items_pages(stub, seeded):
    first = stub.ListItems(inventory_pb2.ListItemsRequest(page_size=1), metadata=bearer(Role.VIEWER))
    assert [i.sku for i in first.items] == ["MUG-001"]
    assert first.next_page_token == ""


def test_admin_refreshes_prices(admin_stub, seeded):
    resp = admin_stub.RefreshPrices(inventory_pb2.RefreshPricesRequest(skus=["MUG-001", "GONE"]), metadata=bearer(Role.ADMIN))
    assert resp.updated == 1
