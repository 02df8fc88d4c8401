import pytest

from inventory import db
from inventory.api import items


def assert_problem(resp, status: int) -> None:
    assert resp.status_code == status
    assert resp.headers["content-type"].startswith("application/problem+json")


@pytest.fixture
def fake_db(monkeypatch):
    store = {"ABCD-1": {"sku": "ABCD-1", "name": "Widget", "on_hand": 3, "reorder_point": 5, "archived": False}}
    monkeypatch.setattr(db, "search_items", lambda q, limit: list(store.values())[:limit])
    monkeypatch.setattr(db, "get_item", lambda sku: store[sku] if sku in store else (_ for _ in ()).throw(db.NotFound(sku)))
    monkeypatch.setattr(db, "delete_item", lambda sku: 1 if store.pop(sku, None) else 0)
    monkeypatch.setattr(items, "audit", type("A", (), {"write": lambda self, *a: None})())
    return store


def test_health_is_public(client):
    resp = client.get("/v2/health")
    assert resp.status_code == 200
    assert resp.json() == {"status": "ok"}


def test_search_requires_token(client):
    resp = client.get("/v2/items")
    assert_problem(resp, 401)


def test_search_returns_items(client, token, fake_db):
    resp = client.get("/v2/items?limit=5", headers={"Authorization": f"Bearer {token()}"})
    assert resp.status_code == 200
    assert resp.json()["count"] == 1


def test_search_with_archived(client, token, fake_db):
    client.get("/v2/items?include_archived=true", headers={"Authorization": f"Bearer {token()}"})


def test_delete_needs_admin_scope(client, token, fake_db):
    resp = client.delete("/v2/items/ABCD-1", headers={"Authorization": f"Bearer {token('inventory:read')}"})
    assert_problem(resp, 403)


def test_get_missing_item_raises(fake_db):
    with pytest.raises(db.NotFound):
        db.get_item("NOPE-0")


def test_service_key_rejects_wrong_key(monkeypatch):
    from inventory import auth

    monkeypatch.setenv("INVENTORY_SERVICE_KEY", "test-service-key")
    assert auth.check_service_key("wrong-key") is None
