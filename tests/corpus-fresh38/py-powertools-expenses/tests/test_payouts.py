import json

import pytest

from conftest import FakeLambdaContext


class FakeGateway:
    def __init__(self):
        self.calls = []

    def create_payout(self, employee_id, amount_cents, currency, reference):
        self.calls.append((employee_id, amount_cents, currency, reference))
        return f"po-{len(self.calls)}"


@pytest.fixture
def payouts(aws, monkeypatch):
    from expenses import payouts as module

    gateway = FakeGateway()
    monkeypatch.setattr(module, "_gateway", gateway)
    return module, gateway


def sqs_event(*claim_ids):
    return {
        "Records": [
            {
                "messageId": f"m-{i}",
                "receiptHandle": "rh",
                "body": json.dumps({"claim_id": cid}),
                "attributes": {},
                "messageAttributes": {},
                "md5OfBody": "",
                "eventSource": "aws:sqs",
                "eventSourceARN": "arn:aws:sqs:eu-west-1:123456789012:payouts",
                "awsRegion": "eu-west-1",
            }
            for i, cid in enumerate(claim_ids)
        ]
    }


def test_approved_claim_is_paid_once(payouts):
    module, gateway = payouts
    from expenses import store

    claim = store.create_claim("e-1", "CC-10", 5000, "EUR", "travel", "", "r-1")
    store.transition(claim["claim_id"], "submitted", "approved", "m-1")
    result = module.lambda_handler(sqs_event(claim["claim_id"], claim["claim_id"]), FakeLambdaContext())
    assert result == {"batchItemFailures": []}
    assert len(gateway.calls) == 1
    assert store.get_claim(claim["claim_id"])["status"] == "paid"


def test_unapproved_claim_is_reported_as_failure(payouts):
    module, gateway = payouts
    from expenses import store

    claim = store.create_claim("e-2", "CC-10", 700, "EUR", "meals", "", "r-2")
    result = module.lambda_handler(sqs_event(claim["claim_id"]), FakeLambdaContext())
    assert result == {"batchItemFailures": [{"itemIdentifier": "m-0"}]}
    assert gateway.calls == []
