import pytest

from app import appbuilder
from app.services.carriers import CarrierClient, Parcel


def test_health_is_public(client):
    resp = client.get("/health/")
    assert resp.status_code == 200
    assert resp.json == {"status": "ok"}


def test_dashboard_redirects_anonymous_users(client):
    resp = client.get("/stockops/dashboard/")
    assert resp.status_code == 302
    assert "/login/" in resp.headers["Location"]


def test_api_token_round_trip(app):
    with app.app_context():
        admin = appbuilder.sm.find_user(username="admin")
        raw = appbuilder.sm.issue_api_token(admin, "pytest")
        assert appbuilder.sm.load_user_from_api_token(raw).username == "admin"
        assert appbuilder.sm.load_user_from_api_token(raw[:-1] + "x") is None


def test_carrier_base_class_is_abstract():
    with pytest.raises(NotImplementedError):
        CarrierClient().quote(Parcel(1.0, 10, 10, 10), {"country": "NL", "postcode": "1011"})
