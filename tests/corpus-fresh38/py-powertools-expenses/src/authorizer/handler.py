"""Token authorizer for the expenses API.

Employees present an access token from the corporate IdP; the nightly HR sync job
presents the machine client key instead. The context returned here is what
expenses.auth.caller_from reads.
"""

from __future__ import annotations

import os

import jwt
from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.data_classes import event_source
from aws_lambda_powertools.utilities.data_classes.api_gateway_authorizer_event import (
    APIGatewayAuthorizerResponse,
    APIGatewayAuthorizerTokenEvent,
)

from expenses import settings

logger = Logger(service="expenses-authorizer")

ISSUER = os.environ.get("IDP_ISSUER", "https://login.northwind-corp.com/oauth2/default")
AUDIENCE = os.environ.get("IDP_AUDIENCE", "api://expenses")
_jwks = jwt.PyJWKClient(f"{ISSUER}/v1/keys", cache_keys=True, lifespan=3600)

MACHINE_PREFIX = "Machine "


def _response(event: APIGatewayAuthorizerTokenEvent, principal_id: str, context: dict) -> APIGatewayAuthorizerResponse:
    arn = event.parsed_arn
    return APIGatewayAuthorizerResponse(
        principal_id=principal_id,
        context=context,
        region=arn.region,
        aws_account_id=arn.aws_account_id,
        api_id=arn.api_id,
        stage=arn.stage,
    )


def _verify_employee(token: str) -> dict:
    signing_key = _jwks.get_signing_key_from_jwt(token)
    claims = jwt.decode(token, signing_key.key, algorithms=["RS256"], audience=AUDIENCE, issuer=ISSUER)
    if claims.get("token_use", "access") != "access":
        raise jwt.InvalidTokenError("not an access token")
    return claims


@event_source(data_class=APIGatewayAuthorizerTokenEvent)
@logger.inject_lambda_context
def handler(event: APIGatewayAuthorizerTokenEvent, context) -> dict:
    token = event.authorization_token or ""

    if token.startswith(MACHINE_PREFIX):
        presented = token[len(MACHINE_PREFIX):].strip()
        if presented and presented == settings.machine_client_key():
            policy = _response(event, "hr-sync", {"employeeId": "svc-hr-sync", "roles": "hr-sync", "costCenter": "", "email": ""})
            policy.allow_all_routes()
            return policy.asdict()
        logger.warning("machine key rejected")
        policy = _response(event, "anonymous", {})
        policy.deny_all_routes()
        return policy.asdict()

    if not token.startswith("Bearer "):
        raise Exception("Unauthorized")  # API Gateway maps this exact message to 401
    try:
        claims = _verify_employee(token[len("Bearer "):])
    except jwt.PyJWTError as err:
        logger.info("token rejected", extra={"reason": str(err)})
        raise Exception("Unauthorized") from err

    policy = _response(
        event,
        claims["sub"],
        {
            "employeeId": claims.get("employee_id", claims["sub"]),
            "email": claims.get("email", ""),
            "roles": ",".join(claims.get("groups", [])),
            "costCenter": claims.get("cost_center", ""),
        },
    )
    policy.allow_all_routes()
    return policy.asdict()
