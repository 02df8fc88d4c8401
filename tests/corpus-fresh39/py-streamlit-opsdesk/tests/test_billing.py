import pytest
import responses

from opsdesk.billing import BillingClient, BillingError
from opsdesk.config import Settings

SETTINGS = Settings(
    database_url="sqlite://",
    billing_api_url="https://billing.test/api/v2",
    billing_api_token="test-token-not-real",
    billing_ca_bundle=None,
    documents_url="https://docs.test",
    refund_override_code="",
    refund_limit_cents=10000,
    export_archive_dir="var/exports",
    environment="test",
)


@responses.activate
def test_refund_sends_amount_reason_and_idempotency_key():
    responses.post(
        "https://billing.test/api/v2/invoices/inv-1/refunds",
        json={"id": "rf_1", "amount_cents": 700, "status": "pending"},
        match=[
            responses.matchers.json_params_matcher({"amount_cents": 700, "reason": "duplicate"}),
            responses.matchers.header_matcher({"Idempotency-Key": "k-1", "Authorization": "Bearer test-token-not-real"}),
        ],
    )
    refund = BillingClient(SETTINGS).refund("inv-1", 700, "duplicate", "k-1")
    assert refund.id == "rf_1" and refund.amount_cents == 700


@responses.activate
def test_billing_errors_are_wrapped():
    responses.post("https://billing.test/api/v2/invoices/inv-1/refunds", status=422, body="amount too large")
    with pytest.raises(BillingError, match="amount too large"):
        BillingClient(SETTINGS).refund("inv-1", 10**9, "x", "k-2")


@responses.activate
def test_payouts_unwraps_data():
    responses.get("https://billing.test/api/v2/payouts", json={"data": [{"id": "po_1"}]})
    assert BillingClient(SETTINGS).payouts("2024-06-01", "2024-06-07") == [{"id": "po_1"}]
