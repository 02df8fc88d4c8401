from __future__ import annotations

import base64
import json

from fieldservice import settings

from .conftest import assert_json, make_order


def test_technician_cannot_assign(technician_client, customer):
    oid = make_order(customer, reference="WO-ASSIGN1")
    rv = technician_client.post(
        f"/orders/{oid}/assign",
        data=json.dumps({"technician_id": 1, "scheduled_for": "2030-01-01T09:00:00"}),
        headers={"Content-Type": "application/json"},
    )
    assert rv.status == 403


def test_board_requires_login(client):
    assert client.get("/orders/board").status == 401


def test_close_stores_signature(technician_client, customer, tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "SIGNATURE_DIR", str(tmp_path))
    oid = make_order(customer, reference="WO-CLOSE1", status="in_progress", technician=1)
    png = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\x00" * 16).decode()
    body = assert_json(
        technician_client.post(
            f"/orders/{oid}/close",
            data=json.dumps({"signature_png": png}),
            headers={"Content-Type": "application/json"},
        ),
        200,
    )
    assert body["status"] == "closed"
    assert (tmp_path / "WO-CLOSE1.png").exists()
