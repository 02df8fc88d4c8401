import hashlib
from datetime import datetime, timezone

import pytest
from pyramid import testing
from pyramid.response import Response

from clinic.models import ApiClient
from clinic.security import AppointmentFactory, timing_tween_factory, verify_api_key


@pytest.fixture
def partner(dbsession):
    client = ApiClient(
        name="acme-booking",
        prefix="ak_test1",
        secret_sha256=hashlib.sha256(b"fixture-secret").hexdigest(),
    )
    dbsession.add(client)
    dbsession.flush()
    return client


def test_verify_api_key_accepts_matching_secret(dbsession, partner):
    assert verify_api_key(dbsession, "ak_test1.fixture-secret") is partner


def test_verify_api_key_rejects_wrong_secret(dbsession, partner):
    assert verify_api_key(dbsession, "ak_test1.wrong") is None


def test_verify_api_key_ignores_revoked_clients(dbsession, partner):
    partner.revoked_at = datetime.now(timezone.utc)
    dbsession.flush()
    assert verify_api_key(dbsession, "ak_test1.fixture-secret") is None


def test_timing_tween_sets_server_timing():
    registry = testing.setUp().registry
    registry.settings = {"clinic.slow_request_ms": "1000"}
    tween = timing_tween_factory(lambda request: Response("ok"), registry)

    tween(testing.DummyRequest())
    testing.tearDown()


def test_appointment_factory_rejects_non_numeric_ids(dbsession):
    request = testing.DummyRequest(dbsession=dbsession)
    with pytest.raises(KeyError):
        AppointmentFactory(request)["../admin"]
