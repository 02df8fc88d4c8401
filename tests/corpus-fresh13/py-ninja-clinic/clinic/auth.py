"""Authentication backends for the Ninja API."""
import logging
from functools import lru_cache

import jwt
from django.conf import settings
from ninja.security import APIKeyHeader, HttpBearer

logger = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _public_key() -> str:
    with open(settings.JWT_PUBLIC_KEY_PATH, encoding="utf-8") as fh:
        return fh.read()


class JWTAuth(HttpBearer):
    """Validates RS256 access tokens issued by the clinic identity provider."""

    def authenticate(self, request, token):
        try:
            claims = jwt.decode(
                token,
                _public_key(),
                algorithms=["RS256"],
                audience=settings.JWT_AUDIENCE,
                issuer=settings.JWT_ISSUER,
            )
        except jwt.PyJWTError as exc:
            logger.info("rejected bearer token: %s", exc)
            return None
        request.clinician_id = claims["sub"]
        request.roles = set(claims.get("roles", []))
        return claims


class StaffKeyAuth(APIKeyHeader):
    """Shared key for the back-office tooling (records purge, reindex)."""

    param_name = "X-Staff-Key"

    def authenticate(self, request, key):
        if not settings.STAFF_API_KEY:
            return None
        if key == settings.STAFF_API_KEY:
            return "staff"
        return None
