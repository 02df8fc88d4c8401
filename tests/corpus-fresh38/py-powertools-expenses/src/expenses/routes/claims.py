"""Employee-facing claim endpoints."""

from __future__ import annotations

import json

import boto3
from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.exceptions import BadRequestError, NotFoundError, ServiceError
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.idempotency import DynamoDBPersistenceLayer, IdempotencyConfig, idempotent_function
from botocore.exceptions import ClientError

from expenses import receipts, settings, store
from expenses.auth import caller_from

logger = Logger(child=True)
metrics = Metrics()
router = Router()

_sns = boto3.client("sns")
_persistence = DynamoDBPersistenceLayer(table_name=settings.IDEMPOTENCY_TABLE)
_idempotency = IdempotencyConfig(event_key_jmespath="[employee_id, client_request_id]", expires_after_seconds=24 * 3600)

CATEGORIES = {"travel", "meals", "lodging", "equipment", "training", "other"}


def _notify_manager(claim: dict) -> None:
    if not settings.APPROVAL_TOPIC_ARN:
        return
    _sns.publish(
        TopicArn=settings.APPROVAL_TOPIC_ARN,
        Subject="Expense claim awaiting approval",
        Message=json.dumps({"claim_id": claim["claim_id"], "cost_center": claim["cost_center"], "amount_cents": claim["amount_cents"]}),
        MessageAttributes={"cost_center": {"DataType": "String", "StringValue": claim["cost_center"]}},
    )


@idempotent_function(data_keyword_argument="request", config=_idempotency, persistence_store=_persistence)
def _submit(request: dict) -> dict:
    try:
        claim = store.create_claim(**request)
    except store.ClaimExists as exists:
        raise ServiceError(409, f"claim {exists} already submitted") from exists
    try:
        _notify_manager(claim)
    except ClientError:
        # Managers work from the pending list; the SNS ping is only a courtesy.
        logger.warning("approval notification failed", extra={"claim_id": claim["claim_id"]}, exc_info=True)
        metrics.add_metric(name="ApprovalNotifyFailed", unit=MetricUnit.Count, value=1)
    return claim


@router.post("")
def submit_claim():
    caller = caller_from(router)
    body = router.current_event.json_body or {}
    try:
        amount_cents = int(body["amount_cents"])
        currency = str(body.get("currency", "EUR")).upper()
        category = str(body["category"])
        client_request_id = str(body["client_request_id"])
    except (KeyError, TypeError, ValueError) as err:
        raise BadRequestError(f"invalid claim: {err}") from err
    if category not in CATEGORIES:
        raise BadRequestError(f"unknown category {category}")
    if not 0 < amount_cents <= settings.MAX_CLAIM_CENTS:
        raise BadRequestError("amount out of range")
    claim = _submit(
        request={
            "employee_id": caller.employee_id,
            "cost_center": caller.cost_center,
            "amount_cents": amount_cents,
            "currency": currency,
            "category": category,
            "description": str(body.get("description", ""))[:500],
            "client_request_id": client_request_id,
        }
    )
    metrics.add_metric(name="ClaimsSubmitted", unit=MetricUnit.Count, value=1)
    return claim, 201


@router.get("")
def list_my_claims():
    caller = caller_from(router)
    limit = min(int(router.current_event.get_query_string_value("limit", "50")), 100)
    return {"items": store.list_for_employee(caller.employee_id, limit=limit)}


@router.get("/<claim_id>")
def get_claim(claim_id: str):
    caller = caller_from(router)
    claim = store.get_claim(claim_id)
    if claim is None:
        raise NotFoundError(claim_id)
    if claim["employee_id"] != caller.employee_id and not caller.has_any("manager", "finance"):
        raise NotFoundError(claim_id)
    return claim


@router.post("/<claim_id>/receipts")
def create_receipt_upload(claim_id: str):
    caller = caller_from(router)
    claim = store.get_claim(claim_id)
    if claim is None or claim["employee_id"] != caller.employee_id:
        raise NotFoundError(claim_id)
    content_type = (router.current_event.json_body or {}).get("content_type", "")
    try:
        return receipts.upload_url(claim_id, content_type), 201
    except ValueError as err:
        raise BadRequestError(str(err)) from err


@router.get("/<claim_id>/receipts/<receipt_id>/preview")
def receipt_preview(claim_id: str, receipt_id: str):
    raise NotImplementedError("receipt previews")
