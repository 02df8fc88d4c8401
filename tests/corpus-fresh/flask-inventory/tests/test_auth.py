from __future__ import annotations

from flask import Flask, g, jsonify

from inventory.auth import admin_required


def test_admin_required_rejects_non_admins():
    app = Flask(__name__)

    @app.get("/secret")
    @admin_required
    def secret():
        return jsonify(ok=True)

    @app.before_request
    def fake_login():
        g.principal = {"kind": "user", "id": "u-2", "roles": {"picker"}}

    resp = app.test_client().get("/secret")
    assert resp.status_code == 403


def test_internal_endpoints_require_token(client):
    resp = client.post("/internal/suppliers/1/sync")
    assert resp.status_code == 401


def test_internal_token_is_accepted(client, mocker):
    delay = mocker.patch("inventory.views.internal.sync_supplier.delay")
    delay.return_value.id = "task-1"
    resp = client.post("/internal/suppliers/1/sync", headers={"X-Internal-Token": "internal-test-token"})
    assert resp.get_json() == {"task_id": "task-1"}
