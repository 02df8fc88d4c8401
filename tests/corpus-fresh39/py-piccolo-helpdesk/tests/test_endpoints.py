STAFF = {"x-test-user": "7"}
ADMIN = {"x-test-user": "1,admin"}


def test_listing_requires_a_session(client):
    resp = client.get("/tickets/")
    assert resp.status_code == 403


def test_close_requires_a_resolution(client, fake_services):
    resp = client.post("/tickets/12/close", json={"resolution": "  "}, headers=STAFF)
    assert resp.status_code == 422
    assert fake_services == []


def test_close_passes_the_actor(client, fake_services):
    resp = client.post("/tickets/12/close", json={"resolution": "refund issued"}, headers=STAFF)
    assert resp.json() == {"id": 12, "status": "closed"}
    assert fake_services == [("close", 12, 7, "refund issued")]


def test_reassign(client, fake_services):
    client.put("/tickets/12/assignee", json={"assignee_id": 9, "assignee_name": "Priya"}, headers=STAFF)


def test_export_is_admin_only(client):
    resp = client.get("/tickets/export.csv?customer_id=3", headers=STAFF)
    assert resp.status_code == 403


def test_export_needs_a_customer(client):
    resp = client.get("/tickets/export.csv", headers=ADMIN)
    assert resp.status_code == 422
    assert resp.json()["detail"] == "customer_id is required"
