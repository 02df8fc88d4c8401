from __future__ import annotations

from modelops.security import new_api_key


def issue(db, owner="bo@example.com"):
    full_key, prefix, key_hash = new_api_key()
    db_id = db.insert_api_key("tests", owner, prefix, key_hash)
    return db_id, full_key


def test_healthz_is_public(client):
    body = client.get("/healthz").json()
    assert body["ok"] is True
    assert body["free_gb"] >= 0


def test_generate_requires_a_key(client):
    resp = client.post("/api/generate", json={"model": "m", "prompt": "hi"})
    assert resp.status_code == 401


def test_generate_with_a_key(client, serving):
    _, key = issue(client.app.state.db)
    resp = client.post(
        "/api/generate",
        json={"model": "llama-3.1-8b-instruct", "prompt": "hi", "version": "2025-02-14"},
        headers={"Authorization": f"Bearer {key}"},
    )
    assert resp.status_code == 200
    assert resp.json()["text"] == "echo:hi"


def test_revoked_key_is_rejected(client):
    db = client.app.state.db
    key_id, key = issue(db)
    db.revoke_api_key(key_id)
    resp = client.get("/api/datasets", headers={"Authorization": f"Bearer {key}"})
    assert resp.status_code == 401


def test_key_creation_needs_an_admin_key(client):
    _, key = issue(client.app.state.db, owner="bo@example.com")
    resp = client.post("/api/keys", json={"label": "x", "owner": "y"}, headers={"Authorization": f"Bearer {key}"})
    assert resp.status_code == 403
