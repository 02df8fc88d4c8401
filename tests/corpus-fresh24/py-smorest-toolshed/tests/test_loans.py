from datetime import timedelta

from conftest import auth_headers, expect_status

from toolshed.extensions import db
from toolshed.models import Loan, Tool, compute_late_fee, utcnow


def test_checkout_requires_login(client):
    expect_status(client.post("/api/loans/", json={"tool_id": 10}), 401)


def test_checkout_marks_tool_unavailable(client, app):
    resp = client.post("/api/loans/", json={"tool_id": 10}, headers=auth_headers(1, "member"))
    assert resp.status_code == 201
    assert db.session.get(Tool, 10).available is False


def test_return_loan(client):
    client.post("/api/loans/100/return", headers=auth_headers(3, "staff"))
    client.get("/api/loans/100", headers=auth_headers(3, "staff"))


def test_member_cannot_see_other_members_loan(client):
    resp = client.get("/api/loans/100", headers=auth_headers(1, "member"))
    assert resp.status_code == 404


def test_late_fee_counts_whole_days():
    loan = Loan(due_at=utcnow() - timedelta(days=3, hours=5), returned_at=None)
    assert compute_late_fee(loan, 50) == 150
