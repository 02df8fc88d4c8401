import hug

from fleetdesk import app
from tests.conftest import assert_status


def test_listing_requires_a_token(users):
    resp = hug.test.get(app, "/vehicles/")
    assert_status(resp, 401)


def test_dispatcher_registers_vehicle(users, token_for):
    resp = hug.test.post(
        app,
        "/vehicles/",
        {"plate": "kx-310", "vin": "wf0xxxttgxkj54321", "model": "Transit", "depot": "south"},
        headers=token_for(users["dispatcher"]),
    )
    assert_status(resp, 201)
    assert resp.data["plate"] == "KX-310"
    assert resp.data["status"] == "active"


def test_driver_cannot_register_vehicle(users, token_for):
    resp = hug.test.post(
        app,
        "/vehicles/",
        {"plate": "KX-311", "vin": "WF0XXXTTGXKJ54322", "model": "Transit", "depot": "south"},
        headers=token_for(users["driver"]),
    )
    assert_status(resp, 403)


def test_odometer_cannot_go_backwards(users, token_for, van, session):
    van.odometer_km = 120_000
    session.commit()
    resp = hug.test.put(
        app, f"/vehicles/{van.id}/odometer", {"odometer_km": 119_500}, headers=token_for(users["mechanic"])
    )
    assert_status(resp, 409)


def test_login_issues_token(users):
    import base64

    creds = base64.b64encode(b"dana:correct horse battery staple").decode()
    resp = hug.test.post(app, "/auth/token", headers={"Authorization": f"Basic {creds}"})
    assert_status(resp, 200)
    assert resp.data["role"] == "dispatcher"
    assert len(resp.data["token"]) > 30
