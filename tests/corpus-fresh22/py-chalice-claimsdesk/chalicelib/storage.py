"""DynamoDB and S3 access for claims and receipts."""

import logging
import uuid
from datetime import datetime, timezone
from decimal import Decimal

import boto3
from boto3.dynamodb.conditions import Attr, Key
from botocore.exceptions import ClientError
from chalice import ConflictError, NotFoundError

from chalicelib.config import settings

logger = logging.getLogger("claimsdesk.storage")


class ClaimStateError(Exception):
    pass


class ClaimStore:
    def __init__(self, table=None, s3=None):
        self.table = table or boto3.resource("dynamodb").Table(settings.claims_table)
        self.s3 = s3 or boto3.client("s3")

    def create(self, owner_id: str, amount: Decimal, currency: str, description: str) -> dict:
        item = {
            "claim_id": str(uuid.uuid4()),
            "owner_id": owner_id,
            "amount": amount,
            "currency": currency.upper(),
            "description": description,
            "status": "submitted",
            "created_at": datetime.now(timezone.utc).isoformat(),
        }
        self.table.put_item(Item=item, ConditionExpression=Attr("claim_id").not_exists())
        return item

    def get(self, claim_id: str) -> dict:
        item = self.table.get_item(Key={"claim_id": claim_id}).get("Item")
        if item is None:
            raise NotFoundError(f"claim {claim_id} not found")
        return item

    def list_for_owner(self, owner_id: str, status: str | None = None) -> list[dict]:
        kwargs = {"IndexName": "by-owner", "KeyConditionExpression": Key("owner_id").eq(owner_id)}
        if status:
            kwargs["FilterExpression"] = Attr("status").eq(status)
        return self.table.query(**kwargs)["Items"]

    def list_by_status(self, status: str) -> list[dict]:
        resp = self.table.query(IndexName="by-status", KeyConditionExpression=Key("status").eq(status))
        return resp["Items"]

    def transition(self, claim_id: str, from_status: str, to_status: str, actor: str) -> dict:
        try:
            resp = self.table.update_item(
                Key={"claim_id": claim_id},
                UpdateExpression="SET #s = :to, updated_by = :actor, updated_at = :now",
                ConditionExpression=Attr("status").eq(from_status),
                ExpressionAttributeNames={"#s": "status"},
                ExpressionAttributeValues={
                    ":to": to_status,
                    ":actor": actor,
                    ":now": datetime.now(timezone.utc).isoformat(),
                },
                ReturnValues="ALL_NEW",
            )
        except ClientError as exc:
            if exc.response["Error"]["Code"] == "ConditionalCheckFailedException":
                raise ConflictError(f"claim {claim_id} is not {from_status}") from exc
            raise
        return resp["Attributes"]

    def delete(self, claim_id: str) -> None:
        self.table.delete_item(Key={"claim_id": claim_id})
        self.s3.delete_object(Bucket=settings.receipts_bucket, Key=f"receipts/{claim_id}")

    def receipt_upload_url(self, claim_id: str, content_type: str) -> str:
        return self.s3.generate_presigned_url(
            "put_object",
            Params={"Bucket": settings.receipts_bucket, "Key": f"receipts/{claim_id}", "ContentType": content_type},
            ExpiresIn=900,
        )

    def archive_client(self):
        return boto3.client(
            "s3",
            aws_access_key_id=settings.archive_access_key,
            aws_secret_access_key=settings.archive_secret_key,
            region_name="eu-central-1",
            verify=False,
        )
