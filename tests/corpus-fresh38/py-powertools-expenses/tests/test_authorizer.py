import pytest

from conftest import FakeLambdaContext

METHOD_ARN = "arn:aws:execute-api:eu-west-1:123456789012:abc123/v1/GET/claims"


def token_event(token: str) -> dict:
    return {"type": "TOKEN", "authorizationToken": token, "methodArn": METHOD_ARN}


def assert_policy(result: dict, effect: str) -> None:
    statements = result["policyDocument"]["Statement"]
    assert statements, "policy has no statements"
    assert {s["Effect"] for s in statements} == {effect}


@pytest.fixture
def authorizer(monkeypatch):
    from authorizer import handler as module
    from expenses import settings

    monkeypatch.setattr(settings, "machine_client_key", lambda: "mk-test-0001")
    return module


def test_wrong_machine_key_is_denied(authorizer):
    assert_policy(authorizer.handler(token_event("Machine mk-test-9999"), FakeLambdaContext()), "Deny")


def test_machine_key_gets_hr_sync_context(authorizer):
    result = authorizer.handler(token_event("Machine mk-test-0001"), FakeLambdaContext())
    assert_policy(result, "Allow")
    assert result["context"]["employeeId"] == "svc-hr-sync"


def test_missing_scheme_is_unauthorized(authorizer):
    with pytest.raises(Exception, match="Unauthorized"):
        authorizer.handler(token_event("abc.def.ghi"), FakeLambdaContext())
