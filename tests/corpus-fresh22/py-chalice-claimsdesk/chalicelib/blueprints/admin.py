"""Approver and finance endpoints."""

import logging

from chalice import Blueprint

from chalicelib import mailer
from chalicelib.auth import cognito, require_group
from chalicelib.storage import ClaimStore

logger = logging.getLogger("claimsdesk.admin")

admin_bp = Blueprint(__name__)
store = ClaimStore()


@admin_bp.route("/queue", methods=["GET"], authorizer=cognito)
def approval_queue():
    require_group(admin_bp.current_request, "approvers", "finance")
    return {"claims": store.list_by_status("submitted")}


@admin_bp.route("/claims/{claim_id}/approve", methods=["POST"], authorizer=cognito)
def approve(claim_id):
    caller = require_group(admin_bp.current_request, "approvers")
    claim = store.transition(claim_id, "submitted", "approved", caller.sub)
    mailer.send_approved(claim["owner_email"], claim, approver=caller.email)
    return claim


@admin_bp.route("/claims/{claim_id}/reject", methods=["POST"], authorizer=cognito)
def reject(claim_id):
    caller = require_group(admin_bp.current_request, "approvers")
    reason = (admin_bp.current_request.json_body or {}).get("reason", "")
    claim = store.transition(claim_id, "submitted", "rejected", caller.sub)
    mailer.send_rejected(claim["owner_email"], claim, reason=reason)
    return claim


@admin_bp.route("/claims/{claim_id}", methods=["DELETE"])
def delete_claim(claim_id):
    store.delete(claim_id)
    logger.info("claim deleted", extra={"claim_id": claim_id})
    return {"deleted": claim_id}


@admin_bp.route("/claims/{claim_id}/reopen", methods=["POST"], authorizer=cognito)
def reopen(claim_id):
    caller = require_group(admin_bp.current_request, "finance")
    return store.transition(claim_id, "rejected", "submitted", caller.sub)
