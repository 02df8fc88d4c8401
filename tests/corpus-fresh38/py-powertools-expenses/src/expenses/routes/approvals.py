"""Manager and finance decisions on submitted claims."""

from __future__ import annotations

from contextlib import suppress

from aws_lambda_powertools import Logger
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.exceptions import NotFoundError, ServiceError
from botocore.exceptions import ClientError

from expenses import store
from expenses.auth import caller_from, require_role

logger = Logger(child=True)
router = Router()


def _decide(claim_id: str, from_status: str, to_status: str, note: str = "") -> dict:
    caller = caller_from(router)
    claim = store.get_claim(claim_id)
    if claim is None:
        raise NotFoundError(claim_id)
    if claim["employee_id"] == caller.employee_id:
        raise ServiceError(403, "you cannot decide on your own claim")
    try:
        updated = store.transition(claim_id, from_status, to_status, caller.employee_id, note)
    except ClientError as err:
        if err.response["Error"]["Code"] == "ConditionalCheckFailedException":
            raise ServiceError(409, f"claim is {claim['status']}, not {from_status}") from err
        raise
    store.append_audit(claim_id, caller.employee_id, to_status, note)
    logger.info("claim decided", extra={"claim_id": claim_id, "status": to_status})
    return updated


@router.get("/pending")
@require_role("manager", "finance")
def list_pending():
    caller = caller_from(router)
    return {"items": store.list_submitted(caller.cost_center)}


@router.post("/<claim_id>/approve")
@require_role("manager", "finance")
def approve_claim(claim_id: str):
    return _decide(claim_id, "submitted", "approved")


@router.post("/<claim_id>/reject")
@require_role("manager", "finance")
def reject_claim(claim_id: str):
    note = str((router.current_event.json_body or {}).get("reason", ""))[:500]
    return _decide(claim_id, "submitted", "rejected", note)


@router.post("/<claim_id>/reopen")
def reopen_claim(claim_id: str):
    note = str((router.current_event.json_body or {}).get("reason", ""))[:500]
    return _decide(claim_id, "rejected", "submitted", note)


@router.post("/<claim_id>/escalate")
@require_role("manager")
def escalate_claim(claim_id: str):
    caller = caller_from(router)
    claim = store.get_claim(claim_id)
    if claim is None:
        raise NotFoundError(claim_id)
    with suppress(ClientError):
        store.append_audit(claim_id, caller.employee_id, "escalated", "sent to finance")
    return {"claim_id": claim_id, "escalated": True}
