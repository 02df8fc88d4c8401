from unittest import mock

import falcon
import pytest

from inventory import repo
from tests.conftest import bearer


def test_requires_token(client):
    result = client.simulate_get("/warehouses/1/items")
    assert result.status == falcon.HTTP_401


def test_lists_items(client, monkeypatch):
    monkeypatch.setattr(repo, "list_items", lambda db, w, a, n: [{"sku": "A-1", "quantity": 4}])
    result = client.simulate_get("/warehouses/1/items", headers=bearer("viewer-token"))
    assert result.json == {"items": [{"sku": "A-1", "quantity": 4}]}


def test_viewer_cannot_adjust_stock(client):
    result = client.simulate_post(
        "/warehouses/1/items/A-1/stock", json={"delta": 2}, headers=bearer("viewer-token")
    )
    assert result.status == falcon.HTTP_403


def test_editor_adjusts_stock(client, session):
    with mock.patch.object(repo, "adjust_quantity", return_value=6) as adjust:
        result = client.simulate_post(
            "/warehouses/1/items/A-1/stock", json={"delta": 2}, headers=bearer("editor-token")
        )
    assert result.json == {"sku": "A-1", "quantity": 6}
    adjust.assert_called_once_with(session, "A-1", 2, 1)
    assert session.committed


@pytest.mark.parametrize("body", [{}, {"delta": "lots"}, {"delta": None}])
def test_rejects_bad_delta(client, body):
    result = client.simulate_post(
        "/warehouses/1/items/A-1/stock", json=body, headers=bearer("editor-token")
    )
    assert result.status == falcon.HTTP_400


def test_label_sheet(client):
    client.simulate_get("/warehouses/1/labels", headers=bearer("viewer-token"))
