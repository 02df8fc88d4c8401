import json
import os

import boto3
import pytest
from moto import mock_aws

os.environ.setdefault("AWS_DEFAULT_REGION", "eu-west-1")
os.environ["AWS_ACCESS_KEY_ID"] = "testing"
os.environ["AWS_SECRET_ACCESS_KEY"] = "testing"
os.environ["CLAIMS_TABLE"] = "claims-test"
os.environ["PARTNERS_TABLE"] = "partners-test"
os.environ["RECEIPTS_BUCKET"] = "receipts-test"


@pytest.fixture(autouse=True)
def aws():
    with mock_aws():
        ddb = boto3.client("dynamodb")
        ddb.create_table(
            TableName="claims-test",
            KeySchema=[{"AttributeName": "claim_id", "KeyType": "HASH"}],
            AttributeDefinitions=[
                {"AttributeName": "claim_id", "AttributeType": "S"},
                {"AttributeName": "owner_id", "AttributeType": "S"},
                {"AttributeName": "status", "AttributeType": "S"},
            ],
            GlobalSecondaryIndexes=[
                {"IndexName": "by-owner", "KeySchema": [{"AttributeName": "owner_id", "KeyType": "HASH"}],
                 "Projection": {"ProjectionType": "ALL"}},
                {"IndexName": "by-status", "KeySchema": [{"AttributeName": "status", "KeyType": "HASH"}],
                 "Projection": {"ProjectionType": "ALL"}},
            ],
            BillingMode="PAY_PER_REQUEST",
        )
        ddb.create_table(
            TableName="partners-test",
            KeySchema=[{"AttributeName": "partner_id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "partner_id", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        boto3.client("s3").create_bucket(
            Bucket="receipts-test", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
        )
        yield


def cognito_context(sub="user-1", email="ana@northwind-travel.com", groups=""):
    return {"authorizer": {"claims": {"sub": sub, "email": email, "cognito:groups": groups}}}


def assert_error(response, status, code):
    assert response.status_code == status, response.body
    assert json.loads(response.body)["Code"] == code
