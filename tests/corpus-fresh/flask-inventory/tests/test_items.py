from __future__ import annotations

import pytest

from inventory.services import OutOfStock, reserve_stock, search_items
from tests.conftest import assert_problem


def test_list_requires_login(client):
    resp = client.get("/api/items/")
    assert resp.status_code == 401


def test_search_hides_archived(app):
    skus = {i.sku for i in search_items("")}
    assert "OLD-1" not in skus


def test_reserve_stock_writes_audit_event(app):
    reserve_stock("BOLT-10", 5, actor="u-1")


def test_reserve_more_than_available_raises(app):
    with pytest.raises(OutOfStock):
        reserve_stock("NUT-10", 4)


def test_unknown_item_is_404(logged_in):
    resp = logged_in.get("/api/items/NOPE-1")
    assert_problem(resp, 404)


@pytest.mark.parametrize("qty,expected_status", [(1, 201), (50, 409)])
def test_reservation_endpoint(logged_in, qty, expected_status):
    resp = logged_in.post("/api/items/NUT-10/reservations", json={"qty": qty})
    assert resp.status_code == expected_status
