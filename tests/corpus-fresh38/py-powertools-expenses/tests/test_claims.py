import json

import pytest
from botocore.stub import Stubber

from conftest import make_event


def submit(api, lambda_context, employee_id="e-100", **overrides):
    body = {"amount_cents": 4250, "currency": "EUR", "category": "meals", "client_request_id": "r-1", **overrides}
    return api.lambda_handler(make_event("POST", "/claims", body, employee_id=employee_id), lambda_context)


def test_submit_claim_returns_created(api, lambda_context):
    event = make_event("POST", "/claims", {"amount_cents": 12000, "category": "travel", "client_request_id": "r-77", "description": "Train to Lyon"})
    api.lambda_handler(event, lambda_context)


def test_unknown_category_is_rejected(api, lambda_context):
    resp = submit(api, lambda_context, category="yacht")
    assert resp["statusCode"] == 400
    assert "unknown category" in json.loads(resp["body"])["message"]


def test_other_employees_cannot_read_a_claim(api, lambda_context):
    created = json.loads(submit(api, lambda_context)["body"])
    resp = api.lambda_handler(make_event("GET", f"/claims/{created['claim_id']}", employee_id="e-200"), lambda_context)
    assert resp["statusCode"] == 404


def test_reject_requires_manager(api, lambda_context):
    created = json.loads(submit(api, lambda_context)["body"])
    resp = api.lambda_handler(
        make_event("POST", f"/approvals/{created['claim_id']}/reject", {"reason": "no"}, employee_id="e-300"),
        lambda_context,
    )
    assert resp["statusCode"] == 403


def test_manager_ping_goes_to_the_cost_center_topic(aws, monkeypatch):
    from expenses import settings
    from expenses.routes import claims

    monkeypatch.setattr(settings, "APPROVAL_TOPIC_ARN", "arn:aws:sns:eu-west-1:123456789012:approvals")
    with Stubber(claims._sns) as stubber:
        stubber.add_response(
            "publish",
            {"MessageId": "m-1"},
            expected_params={
                "TopicArn": "arn:aws:sns:eu-west-1:123456789012:approvals",
                "Subject": "Expense claim awaiting approval",
                "Message": json.dumps({"claim_id": "c-1", "cost_center": "CC-10", "amount_cents": 900}),
                "MessageAttributes": {"cost_center": {"DataType": "String", "StringValue": "CC-10"}},
            },
        )
        claims._notify_manager({"claim_id": "c-1", "cost_center": "CC-10", "amount_cents": 900})
        stubber.assert_no_pending_responses()


@pytest.mark.parametrize("amount", [0, -5, 10_000_000])
def test_amount_bounds(api, lambda_context, amount):
    assert submit(api, lambda_context, amount_cents=amount)["statusCode"] == 400
