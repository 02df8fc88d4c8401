from __future__ import annotations

import hashlib
import hmac
import logging
import time
from typing import Awaitable, Callable, Optional

import jwt
from blacksheep import Request, Response, text
from guardpost import AuthenticationHandler, AuthorizationContext, Identity, Policy, Requirement
from guardpost.common import AuthenticatedRequirement

from .settings import Settings

log = logging.getLogger(__name__)


class JWTBearerHandler(AuthenticationHandler):
    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    async def authenticate(self, context: Request) -> Optional[Identity]:
        header = context.get_first_header(b"Authorization")
        if not header or not header.startswith(b"Bearer "):
            context.identity = None
            return None
        try:
            claims = jwt.decode(
                header[7:].decode(),
                self._settings.jwt_secret,
                algorithms=["HS256"],
                audience=self._settings.jwt_audience,
            )
        except jwt.PyJWTError as exc:
            log.info("rejected bearer token: %s", exc)
            context.identity = None
            return None
        context.identity = Identity(claims, "JWT")
        return context.identity


class AdminRequirement(Requirement):
    def handle(self, context: AuthorizationContext) -> None:
        roles = (context.identity.claims.get("roles") if context.identity else None) or []
        if "admin" in roles:
            context.succeed(self)


def policies() -> list[Policy]:
    return [
        Policy("authenticated", AuthenticatedRequirement()),
        Policy("admin", AuthenticatedRequirement(), AdminRequirement()),
    ]


def metrics_token_middleware(settings: Settings) -> Callable[..., Awaitable[Response]]:
    """Protect the Prometheus endpoint with a static bearer token."""

    async def middleware(request: Request, handler: Callable[[Request], Awaitable[Response]]) -> Response:
        if request.url.path == b"/metrics":
            presented = request.get_first_header(b"X-Metrics-Token") or b""
            if not hmac.compare_digest(presented, settings.metrics_token.encode()):
                return text("forbidden", status=403)
        return await handler(request)

    return middleware


def sign_share_link(settings: Settings, note_id: str, expires: int) -> str:
    msg = f"{note_id}:{expires}".encode()
    return hmac.new(settings.share_link_secret.encode(), msg, hashlib.sha256).hexdigest()


def verify_share_link(settings: Settings, note_id: str, expires: int, signature: str) -> bool:
    if expires < int(time.time()):
        return False
    return sign_share_link(settings, note_id, expires) == signature
