"""SQS consumer: pays approved claims through the payroll partner."""

from __future__ import annotations

import json

from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.idempotency import DynamoDBPersistenceLayer, IdempotencyConfig, idempotent_function
from aws_lambda_powertools.utilities.typing import LambdaContext
from botocore.exceptions import ClientError

from expenses import settings, store
from expenses.payroll import PayrollClient, PayrollGateway

logger = Logger(service="expenses-payouts")
tracer = Tracer(service="expenses-payouts")
metrics = Metrics(namespace="Expenses", service="expenses-payouts")

processor = BatchProcessor(event_type=EventType.SQS)
persistence = DynamoDBPersistenceLayer(table_name=settings.IDEMPOTENCY_TABLE)
idempotency_config = IdempotencyConfig(event_key_jmespath="claim_id", expires_after_seconds=7 * 24 * 3600)

_gateway: PayrollGateway | None = None


def gateway() -> PayrollGateway:
    global _gateway
    if _gateway is None:
        _gateway = PayrollClient()
    return _gateway


@idempotent_function(data_keyword_argument="message", config=idempotency_config, persistence_store=persistence)
def pay_claim(message: dict) -> dict:
    claim = store.get_claim(message["claim_id"])
    if claim is None:
        logger.warning("payout for unknown claim", extra={"claim_id": message["claim_id"]})
        return {"claim_id": message["claim_id"], "skipped": "unknown"}
    if claim["status"] == "paid":
        return {"claim_id": claim["claim_id"], "skipped": "already paid"}
    if claim["status"] != "approved":
        raise ValueError(f"claim {claim['claim_id']} is {claim['status']}")
    if message.get("currency") and message["currency"] != claim["currency"]:
        raise ValueError(f"currency mismatch for {claim['claim_id']}")
    payout_id = gateway().create_payout(
        employee_id=claim["employee_id"],
        amount_cents=claim["amount_cents"],
        currency=claim["currency"],
        reference=f"expense-{claim['claim_id']}",
    )
    try:
        store.mark_paid(claim["claim_id"], payout_id)
    except store.AlreadyPaid:
        logger.info("claim already marked paid by an earlier delivery", extra={"claim_id": claim["claim_id"]})
    except ClientError:
        pass
    metrics.add_metric(name="ClaimsPaid", unit=MetricUnit.Count, value=1)
    return {"claim_id": claim["claim_id"], "payout_id": payout_id}


@tracer.capture_method
def record_handler(record: SQSRecord) -> dict:
    message = json.loads(record.body)
    return pay_claim(message=message)


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    idempotency_config.register_lambda_context(context)
    return process_partial_response(event=event, record_handler=record_handler, processor=processor, context=context)
