import json
from decimal import Decimal

import pytest
from chalice import ConflictError
from chalice.test import Client

from app import app
from chalicelib.storage import ClaimStore
from tests.conftest import assert_error


@pytest.fixture
def client():
    with Client(app) as c:
        yield c


def test_health_is_public(client):
    resp = client.http.get("/health")
    assert resp.status_code == 200
    assert resp.json_body["status"] == "ok"


def test_policy_is_public(client):
    resp = client.http.get("/claims/policy")
    assert resp.json_body["submission_window_days"] == 60


def test_split_is_reachable(client):
    client.http.post(
        "/claims/abc/split",
        headers={"Content-Type": "application/json"},
        body=json.dumps({"parts": [{"cost_centre": "OPS", "amount": "10.00"}]}),
    )


def test_partner_invoice_requires_signature(client):
    resp = client.http.post(
        "/partners/bookings/b-1/invoice",
        headers={"Authorization": "Bearer nobody.secret", "Content-Type": "application/json"},
        body=json.dumps({"amount": "12.50"}),
    )
    assert_error(resp, 401, "UnauthorizedError")


def test_double_approval_conflicts():
    store = ClaimStore()
    claim = store.create("user-1", Decimal("40.00"), "EUR", "taxi")
    store.transition(claim["claim_id"], "submitted", "approved", "approver-1")
    with pytest.raises(ConflictError):
        store.transition(claim["claim_id"], "submitted", "approved", "approver-2")
