import pytest

from conftest import assert_problem, bearer
from warehouse.freight import FreightUnavailable


@pytest.fixture()
def shipment_id(client):
    resp = client.post(
        "/shipments",
        json={"order_ref": "SO-1001", "warehouse_id": 1, "weight_kg": 12.5, "destination_country": "NL"},
        headers=bearer("clerk"),
    )
    assert resp.status_code == 201
    return resp.get_json()["id"]


def test_dispatch_books_with_carrier(client, shipment_id, monkeypatch):
    monkeypatch.setattr("warehouse.freight.FreightLinkClient.book", lambda self, s: "FL-778812")
    resp = client.post(f"/shipments/{shipment_id}/dispatch", headers=bearer("clerk"))
    assert resp.status_code == 200
    assert resp.get_json()["carrier_ref"] == "FL-778812"
    assert resp.get_json()["status"] == "booked"


def test_dispatch_reports_carrier_outage(client, shipment_id, monkeypatch):
    def down(self, shipment):
        raise FreightUnavailable("connect timeout")

    monkeypatch.setattr("warehouse.freight.FreightLinkClient.book", down)
    assert_problem(client.post(f"/shipments/{shipment_id}/dispatch", headers=bearer("clerk")), 503, "carrier booking failed")


def test_hold_requires_manager(client, shipment_id):
    resp = client.post(f"/shipments/{shipment_id}/hold", json={"reason": "customs"}, headers=bearer("clerk"))
    assert_problem(resp, 403)


def test_carrier_callback_rejects_staff_token(client):
    resp = client.post(
        "/shipments/carrier-events",
        json={"carrier_ref": "FL-1", "event": "delivered", "occurred_at": "2024-04-02T10:00:00Z"},
        headers=bearer("admin"),
    )
    assert_problem(resp, 401)


def test_carrier_callback_with_basic_auth(client, shipment_id, app):
    from warehouse.extensions import db
    from warehouse.models import Shipment

    with app.app_context():
        db.session.get(Shipment, shipment_id).carrier_ref = "FL-42"
        db.session.commit()
    resp = client.post(
        "/shipments/carrier-events",
        json={"carrier_ref": "FL-42", "event": "delivered", "occurred_at": "2024-04-02T10:00:00Z"},
        auth=("freightlink", "test-callback-password"),
    )
    assert resp.status_code == 204


def test_admin_routes_need_admin_role(client):
    assert_problem(client.get("/admin/users", headers=bearer("manager")), 403)
    assert client.get("/admin/users", headers=bearer("admin")).status_code == 200
