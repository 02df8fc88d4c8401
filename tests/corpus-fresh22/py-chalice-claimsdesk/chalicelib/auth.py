"""Authorizers and caller helpers shared by the app and blueprints."""

import hashlib
import hmac
import logging
from dataclasses import dataclass

import boto3
from chalice import CognitoUserPoolAuthorizer, ForbiddenError

from chalicelib.config import settings

logger = logging.getLogger("claimsdesk.auth")

cognito = CognitoUserPoolAuthorizer("ClaimsdeskPool", provider_arns=[settings.cognito_pool_arn])

_partners = boto3.resource("dynamodb").Table(settings.partners_table)


@dataclass(frozen=True)
class Caller:
    sub: str
    email: str
    groups: frozenset[str]

    @property
    def is_approver(self) -> bool:
        return "approvers" in self.groups or "finance" in self.groups


def current_caller(request) -> Caller:
    claims = request.context["authorizer"]["claims"]
    raw_groups = claims.get("cognito:groups", "")
    groups = raw_groups.split(",") if isinstance(raw_groups, str) else list(raw_groups)
    return Caller(sub=claims["sub"], email=claims.get("email", ""), groups=frozenset(g for g in groups if g))


def require_group(request, *groups: str) -> Caller:
    caller = current_caller(request)
    if not caller.groups.intersection(groups):
        logger.warning("forbidden", extra={"sub": caller.sub, "required": groups})
        raise ForbiddenError("You are not allowed to perform this action")
    return caller


def hash_key(api_key: str) -> str:
    return hashlib.sha256(api_key.encode()).hexdigest()


def lookup_partner(api_key: str) -> dict | None:
    """Partners authenticate with '<partner_id>.<secret>' keys; only the hash is stored."""
    partner_id, _, _secret = api_key.partition(".")
    if not partner_id:
        return None
    item = _partners.get_item(Key={"partner_id": partner_id}).get("Item")
    if not item or not item.get("active"):
        return None
    if not hmac.compare_digest(hash_key(api_key), item["key_hash"]):
        return None
    return item
