"""Employee-facing claim endpoints."""

import logging
from decimal import Decimal, InvalidOperation

from chalice import BadRequestError, Blueprint, ForbiddenError

from chalicelib.auth import cognito, current_caller
from chalicelib.storage import ClaimStore

logger = logging.getLogger("claimsdesk.claims")

claims_bp = Blueprint(__name__)
store = ClaimStore()

POLICY = {
    "max_meal_per_day_eur": "45.00",
    "receipt_required_over_eur": "25.00",
    "submission_window_days": 60,
}


@claims_bp.route("/policy", methods=["GET"], cors=True)
def policy():
    return POLICY


@claims_bp.route("/", methods=["GET"], authorizer=cognito)
def list_claims():
    caller = current_caller(claims_bp.current_request)
    params = claims_bp.current_request.query_params or {}
    return {"claims": store.list_for_owner(caller.sub, status=params.get("status"))}


@claims_bp.route("/", methods=["POST"], authorizer=cognito)
def create_claim():
    caller = current_caller(claims_bp.current_request)
    body = claims_bp.current_request.json_body or {}
    try:
        amount = Decimal(str(body["amount"]))
    except (KeyError, InvalidOperation) as exc:
        raise BadRequestError("amount must be a decimal number") from exc
    if amount <= 0:
        raise BadRequestError("amount must be positive")
    item = store.create(caller.sub, amount, body.get("currency", "EUR"), body.get("description", ""))
    logger.info("claim created", extra={"claim_id": item["claim_id"], "owner": caller.sub})
    return item


@claims_bp.route("/{claim_id}", methods=["GET"], authorizer=cognito)
def get_claim(claim_id):
    caller = current_caller(claims_bp.current_request)
    claim = store.get(claim_id)
    if claim["owner_id"] != caller.sub and not caller.is_approver:
        raise ForbiddenError("not your claim")
    return claim


@claims_bp.route("/{claim_id}/receipt", methods=["POST"], authorizer=cognito)
def receipt_upload(claim_id):
    caller = current_caller(claims_bp.current_request)
    claim = store.get(claim_id)
    if claim["owner_id"] != caller.sub:
        raise ForbiddenError("not your claim")
    content_type = (claims_bp.current_request.json_body or {}).get("content_type", "image/jpeg")
    return {"upload_url": store.receipt_upload_url(claim_id, content_type)}


@claims_bp.route("/{claim_id}/split", methods=["POST"], authorizer=cognito)
def split_claim(claim_id):
    raise NotImplementedError("splitting a claim across cost centres")
