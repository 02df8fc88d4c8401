"""Security handlers referenced from openapi/inventory.yaml."""
from __future__ import annotations

import hmac
import logging
import os

import jwt
from connexion.exceptions import OAuthProblem

log = logging.getLogger(__name__)

JWT_ALGORITHMS = ["RS256"]
JWT_AUDIENCE = "inventory"


def _public_key() -> str:
    path = os.environ.get("JWT_PUBLIC_KEY_FILE", "/etc/inventory/jwt-signing.pub")
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def decode_token(token: str) -> dict:
    """x-bearerInfoFunc: returns token_info; Connexion checks scopes against it."""
    try:
        claims = jwt.decode(token, _public_key(), algorithms=JWT_ALGORITHMS, audience=JWT_AUDIENCE)
    except jwt.ExpiredSignatureError as exc:
        raise OAuthProblem("token expired") from exc
    except jwt.PyJWTError as exc:
        log.info("rejected bearer token: %s", exc)
        raise OAuthProblem("invalid token") from exc
    return {"sub": claims["sub"], "scope": claims.get("scope", "").split()}


def check_service_key(apikey: str, required_scopes=None) -> dict | None:
    """x-apikeyInfoFunc for service-to-service calls.

    ``required_scopes`` is part of Connexion's handler signature; service keys
    carry no scopes so it is not consulted.
    """
    expected = os.environ.get("INVENTORY_SERVICE_KEY", "")
    if expected and hmac.compare_digest(apikey.encode(), expected.encode()):
        return {"sub": "service", "scope": ["inventory:internal"]}
    return None
