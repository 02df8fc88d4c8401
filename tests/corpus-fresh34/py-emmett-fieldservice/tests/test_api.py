from __future__ import annotations

import json

from .conftest import TEST_KEY_PREFIX, assert_json, make_order


def test_rejects_missing_key(client):
    rv = client.get("/api/v1/orders")
    assert rv.status == 401


def test_rejects_wrong_secret(client, api_headers):
    rv = client.get("/api/v1/orders", headers={"Authorization": f"Bearer fsk_{TEST_KEY_PREFIX}.not-the-secret"})
    assert rv.status == 401


def test_health(client):
    assert_json(client.get("/health"), 200)


def test_create_order_via_api(client, api_headers, customer):
    client.post(
        "/api/v1/orders",
        data=json.dumps({"customer_id": customer, "title": "Boiler service", "priority": "urgent"}),
        headers={**api_headers, "Content-Type": "application/json"},
    )


def test_list_orders_filters_by_status(client, api_headers, customer):
    make_order(customer, reference="WO-OPEN1")
    make_order(customer, reference="WO-DONE1", status="closed")
    body = assert_json(client.get("/api/v1/orders?status=closed", headers=api_headers), 200)
    assert [o["reference"] for o in body["orders"]] == ["WO-DONE1"]
    assert body["client"] == "erp-test"


def test_track_is_public_but_minimal(client, customer):
    make_order(customer, reference="WO-TRACK9")
    body = assert_json(client.get("/track/WO-TRACK9"), 200)
    assert set(body) == {"reference", "status", "scheduled_for"}
