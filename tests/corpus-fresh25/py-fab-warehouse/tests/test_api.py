import hashlib
import hmac
import json

from app import db
from app.models import StockItem, StockMovement

from .conftest import assert_rejected


def test_list_stock_items(client, admin_headers):
    client.get("/api/v1/stock_item/", headers=admin_headers)


def test_reserve_reduces_availability(client, admin_headers):
    resp = client.post("/api/v1/stock_item/1/reserve", json={"quantity": 4}, headers=admin_headers)
    assert resp.status_code == 200
    assert resp.json["available"] == 6


def test_reserve_more_than_available_fails(client, admin_headers):
    resp = client.post("/api/v1/stock_item/1/reserve", json={"quantity": 40}, headers=admin_headers)
    assert resp.status_code == 400
    assert "only 10 available" in resp.json["message"]


def test_api_requires_authentication(client):
    assert_rejected(client.get("/api/v1/stock_item/"))


def test_erp_ack_marks_movement_synced(client, app):
    with app.app_context():
        mv = StockMovement(item_id=1, delta=3, reason="count")
        db.session.add(mv)
        db.session.commit()
        mv_id = mv.id
    body = json.dumps({"movement_id": mv_id}).encode()
    sig = hmac.new(b"erp-webhook-test-key", body, hashlib.sha256).hexdigest()
    resp = client.post(
        "/api/v1/erp_webhook/movement-ack",
        data=body,
        headers={"X-Erp-Signature": sig, "Content-Type": "application/json"},
    )
    assert resp.status_code == 200
    with app.app_context():
        assert db.session.get(StockMovement, mv_id).synced_to_erp is True


def test_erp_ack_rejects_bad_signature(client):
    resp = client.post(
        "/api/v1/erp_webhook/movement-ack",
        data=b'{"movement_id": 1}',
        headers={"X-Erp-Signature": "0" * 64, "Content-Type": "application/json"},
    )
    assert_rejected(resp)
