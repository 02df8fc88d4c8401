"""DynamoDB access for claims (single table: pk=CLAIM#id, GSIs by employee and status)."""

from __future__ import annotations

import time
import uuid
from decimal import Decimal
from typing import Any

import boto3
from boto3.dynamodb.conditions import Attr, Key
from botocore.exceptions import ClientError

from expenses import settings

_table = boto3.resource("dynamodb").Table(settings.CLAIMS_TABLE)


class ClaimExists(Exception):
    pass


class AlreadyPaid(Exception):
    pass


def _now() -> int:
    return int(time.time())


def create_claim(employee_id: str, cost_center: str, amount_cents: int, currency: str, category: str, description: str, client_request_id: str) -> dict[str, Any]:
    claim_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{employee_id}/{client_request_id}"))
    item = {
        "pk": f"CLAIM#{claim_id}",
        "claim_id": claim_id,
        "employee_id": employee_id,
        "cost_center": cost_center,
        "amount_cents": amount_cents,
        "currency": currency,
        "category": category,
        "description": description,
        "status": "submitted",
        "submitted_at": _now(),
    }
    try:
        _table.put_item(Item=item, ConditionExpression=Attr("pk").not_exists())
    except ClientError as err:
        if err.response["Error"]["Code"] == "ConditionalCheckFailedException":
            raise ClaimExists(claim_id) from err
        raise
    return item


def get_claim(claim_id: str) -> dict[str, Any] | None:
    resp = _table.get_item(Key={"pk": f"CLAIM#{claim_id}"})
    item = resp.get("Item")
    if item is None:
        return None
    return {k: int(v) if isinstance(v, Decimal) else v for k, v in item.items()}


def list_for_employee(employee_id: str, limit: int = 50) -> list[dict[str, Any]]:
    resp = _table.query(
        IndexName="by_employee",
        KeyConditionExpression=Key("employee_id").eq(employee_id),
        ScanIndexForward=False,
        Limit=limit,
    )
    return resp.get("Items", [])


def list_submitted(cost_center: str, limit: int = 50) -> list[dict[str, Any]]:
    resp = _table.query(
        IndexName="by_status",
        KeyConditionExpression=Key("status").eq("submitted"),
        ScanIndexForward=True,
        Limit=limit,
    )
    return resp.get("Items", [])


def transition(claim_id: str, from_status: str, to_status: str, actor: str, note: str = "") -> dict[str, Any]:
    resp = _table.update_item(
        Key={"pk": f"CLAIM#{claim_id}"},
        UpdateExpression="SET #s = :to, decided_by = :actor, decided_at = :now, decision_note = :note",
        ConditionExpression=Attr("status").eq(from_status),
        ExpressionAttributeNames={"#s": "status"},
        ExpressionAttributeValues={":to": to_status, ":actor": actor, ":now": _now(), ":note": note},
        ReturnValues="ALL_NEW",
    )
    return resp["Attributes"]


def mark_paid(claim_id: str, payout_id: str) -> None:
    try:
        _table.update_item(
            Key={"pk": f"CLAIM#{claim_id}"},
            UpdateExpression="SET #s = :paid, payout_id = :pid, paid_at = :now",
            ConditionExpression=Attr("status").eq("approved"),
            ExpressionAttributeNames={"#s": "status"},
            ExpressionAttributeValues={":paid": "paid", ":pid": payout_id, ":now": _now()},
        )
    except ClientError as err:
        if err.response["Error"]["Code"] == "ConditionalCheckFailedException":
            raise AlreadyPaid(claim_id) from err
        raise


def append_audit(claim_id: str, actor: str, action: str, detail: str = "") -> None:
    _table.put_item(
        Item={
            "pk": f"AUDIT#{claim_id}#{time.time_ns()}",
            "claim_id": claim_id,
            "actor": actor,
            "action": action,
            "detail": detail,
        }
    )


def delete_claim(claim_id: str) -> None:
    _table.delete_item(Key={"pk": f"CLAIM#{claim_id}"}, ConditionExpression=Attr("status").is_in(["submitted", "rejected"]))
