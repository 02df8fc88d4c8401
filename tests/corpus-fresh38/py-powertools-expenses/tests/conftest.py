import json
import os
from dataclasses import dataclass

import boto3
import pytest
from moto import mock_aws

os.environ.setdefault("AWS_DEFAULT_REGION", "eu-west-1")
os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
os.environ.setdefault("POWERTOOLS_TRACE_DISABLED", "1")
os.environ.setdefault("POWERTOOLS_METRICS_NAMESPACE", "ExpensesTest")
os.environ["CLAIMS_TABLE"] = "claims-test"
os.environ["IDEMPOTENCY_TABLE"] = "idempotency-test"
os.environ["PAYROLL_SECRET_NAME"] = "test/payroll"


@dataclass
class FakeLambdaContext:
    function_name: str = "expenses-api-test"
    memory_limit_in_mb: int = 256
    invoked_function_arn: str = "arn:aws:lambda:eu-west-1:123456789012:function:expenses-api-test"
    aws_request_id: str = "00000000-0000-0000-0000-000000000000"

    def get_remaining_time_in_millis(self) -> int:
        return 30_000


@pytest.fixture
def lambda_context():
    return FakeLambdaContext()


@pytest.fixture
def aws():
    with mock_aws():
        ddb = boto3.client("dynamodb")
        ddb.create_table(
            TableName="claims-test",
            BillingMode="PAY_PER_REQUEST",
            AttributeDefinitions=[
                {"AttributeName": "pk", "AttributeType": "S"},
                {"AttributeName": "employee_id", "AttributeType": "S"},
                {"AttributeName": "status", "AttributeType": "S"},
            ],
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
            GlobalSecondaryIndexes=[
                {"IndexName": "by_employee", "KeySchema": [{"AttributeName": "employee_id", "KeyType": "HASH"}], "Projection": {"ProjectionType": "ALL"}},
                {"IndexName": "by_status", "KeySchema": [{"AttributeName": "status", "KeyType": "HASH"}], "Projection": {"ProjectionType": "ALL"}},
            ],
        )
        ddb.create_table(
            TableName="idempotency-test",
            BillingMode="PAY_PER_REQUEST",
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        )
        boto3.client("secretsmanager").create_secret(Name="test/payroll", SecretString="prl_test_key")
        yield


@pytest.fixture
def api(aws):
    from expenses import app as app_module

    return app_module


def make_event(method: str, path: str, body: dict | None = None, *, employee_id: str = "e-100", roles: str = "", cost_center: str = "CC-10") -> dict:
    return {
        "resource": "/{proxy+}",
        "path": path,
        "httpMethod": method,
        "headers": {"Content-Type": "application/json"},
        "multiValueHeaders": {},
        "queryStringParameters": None,
        "multiValueQueryStringParameters": None,
        "pathParameters": {"proxy": path.lstrip("/")},
        "stageVariables": None,
        "requestContext": {
            "requestId": "req-1",
            "stage": "v1",
            "httpMethod": method,
            "path": path,
            "authorizer": {"employeeId": employee_id, "roles": roles, "costCenter": cost_center, "email": f"{employee_id}@northwind.test"},
            "identity": {"sourceIp": "10.0.0.1"},
        },
        "body": json.dumps(body) if body is not None else None,
        "isBase64Encoded": False,
    }
