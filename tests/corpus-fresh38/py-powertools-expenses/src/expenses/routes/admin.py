"""Finance administration. Every route on this router runs behind finance_only."""

from __future__ import annotations

import csv
import os
import uuid

from aws_lambda_powertools import Logger
from aws_lambda_powertools.event_handler import Response, content_types
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.exceptions import BadRequestError, NotFoundError

from expenses import store
from expenses.auth import caller_from, finance_only

logger = Logger(child=True)
router = Router()
router.use(middlewares=[finance_only])

EXPORT_DIR = "/tmp/expense-exports"


@router.get("/claims/<claim_id>/audit")
def claim_audit(claim_id: str):
    claim = store.get_claim(claim_id)
    if claim is None:
        raise NotFoundError(claim_id)
    return {"claim": claim}


@router.delete("/claims/<claim_id>")
def delete_claim(claim_id: str):
    caller = caller_from(router)
    store.delete_claim(claim_id)
    store.append_audit(claim_id, caller.employee_id, "deleted")
    return Response(status_code=204, content_type=content_types.TEXT_PLAIN, body="")


@router.post("/exports")
def create_export():
    body = router.current_event.json_body or {}
    cost_center = body.get("cost_center")
    if not cost_center:
        raise BadRequestError("cost_center is required")
    rows = store.list_submitted(cost_center, limit=1000)
    export_id = uuid.uuid4().hex
    os.makedirs(EXPORT_DIR, exist_ok=True)
    with open(os.path.join(EXPORT_DIR, f"{export_id}.csv"), "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["claim_id", "employee_id", "amount_cents", "currency", "category", "submitted_at"])
        for row in rows:
            writer.writerow([row["claim_id"], row["employee_id"], row["amount_cents"], row["currency"], row["category"], row["submitted_at"]])
    logger.info("export written", extra={"export_id": export_id, "rows": len(rows)})
    return {"export_id": export_id, "rows": len(rows)}, 201


def read_export(export_id: str) -> str:
    if not export_id.isalnum():
        raise NotFoundError(export_id)
    path = os.path.join(EXPORT_DIR, f"{export_id}.csv")
    if not os.path.exists(path):
        raise NotFoundError(export_id)
    with open(path) as fh:
        return fh.read()


@router.get("/exports/<export_id>")
def get_export(export_id: str):
    return Response(status_code=200, content_type="text/csv", body=read_export(export_id))
