from datetime import timedelta
from decimal import Decimal
from unittest import mock

import requests

from chalicelib import fx, jobs
from chalicelib.storage import ClaimStore


def _approved(store, owner="user-1", amount="20.00", currency="EUR"):
    claim = store.create(owner, Decimal(amount), currency, "hotel")
    store.table.update_item(
        Key={"claim_id": claim["claim_id"]},
        UpdateExpression="SET owner_email = :e",
        ExpressionAttributeValues={":e": f"{owner}@northwind-travel.com"},
    )
    return store.transition(claim["claim_id"], "submitted", "approved", "approver-1")


def test_reimbursement_marks_claims_and_emails_owner():
    store = ClaimStore()
    _approved(store)
    _approved(store, amount="5.50")
    with mock.patch.object(jobs.mailer, "send_reimbursed") as send:
        result = jobs.run_reimbursements(store)
    assert result["owners"] == 1
    assert send.call_args.args[2] == "25.50 EUR"
    assert store.list_by_status("approved") == []


def test_fx_uses_configured_ca_bundle():
    fx._rate.cache_clear()
    fake = mock.Mock(status_code=200)
    fake.json.return_value = {"rate": "0.5"}
    with mock.patch.object(fx._session, "get", return_value=fake) as get:
        assert fx.to_eur(Decimal("10.00"), "USD", "2024-05-01") == Decimal("5.00")
    assert get.call_args.kwargs["timeout"] == 5


def test_stale_drafts_only_returns_old_drafts():
    store = ClaimStore()
    item = store.create("user-2", Decimal("1.00"), "EUR", "coffee")
    store.table.update_item(
        Key={"claim_id": item["claim_id"]},
        UpdateExpression="SET #s = :d, created_at = :c",
        ExpressionAttributeNames={"#s": "status"},
        ExpressionAttributeValues={":d": "draft", ":c": "2001-01-01T00:00:00+00:00"},
    )
    assert jobs.stale_drafts(store, timedelta(days=30)) == [item["claim_id"]]


def test_fx_outage_surfaces_as_rate_unavailable():
    fx._rate.cache_clear()
    with mock.patch.object(fx._session, "get", side_effect=requests.ConnectionError("down")):
        try:
            fx.to_eur(Decimal("1"), "GBP", "2024-05-02")
        except fx.RateUnavailable:
            return
    raise AssertionError("RateUnavailable not raised")
