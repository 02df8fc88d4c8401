from conftest import assert_problem, bearer


def test_list_requires_token(client):
    assert_problem(client.get("/items"), 401)


def test_list_items_for_clerk(client):
    resp = client.get("/items?per_page=10", headers=bearer("clerk"))
    assert resp.status_code == 200
    assert [i["sku"] for i in resp.get_json()["items"]] == ["BOLT-M8", "NUT-M8"]


def test_low_stock_filter(client):
    resp = client.get("/items?low_stock=true", headers=bearer("clerk"))
    assert [i["sku"] for i in resp.get_json()["items"]] == ["NUT-M8"]


def test_create_item_conflict(client):
    body = {"sku": "BOLT-M8", "name": "Bolt M8", "warehouse_id": 1}
    assert_problem(client.post("/items", json=body, headers=bearer("clerk")), 409, "already exists")


def test_patch_requires_matching_etag(client):
    item = client.get("/items/1", headers=bearer("clerk"))
    stale = client.patch("/items/1", json={"name": "Bolt M8 zinc"}, headers={**bearer("clerk"), "If-Match": "nope"})
    assert_problem(stale, 412)
    etag = item.headers.get("ETag") or _etag_for(client)
    ok = client.patch("/items/1", json={"name": "Bolt M8 zinc"}, headers={**bearer("clerk"), "If-Match": etag})
    assert ok.status_code == 200
    assert ok.get_json()["name"] == "Bolt M8 zinc"


def _etag_for(client):
    from warehouse.extensions import db
    from warehouse.models import Item

    with client.application.app_context():
        return db.session.get(Item, 1).etag


def test_adjustment_is_manager_only(client):
    body = {"delta": -5, "reason": "damage"}
    assert_problem(client.post("/items/1/adjustments", json=body, headers=bearer("clerk")), 403)
    resp = client.post("/items/1/adjustments", json=body, headers=bearer("manager"))
    assert resp.get_json()["on_hand"] == 95


def test_adjustment_cannot_go_below_reserved(client):
    resp = client.post("/items/1/adjustments", json={"delta": -95, "reason": "correction"}, headers=bearer("manager"))
    assert_problem(resp, 422, "reserved")
