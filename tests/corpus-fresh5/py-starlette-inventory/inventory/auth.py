from __future__ import annotations

import hashlib
import hmac
import functools

from starlette.authentication import (
    AuthCredentials,
    AuthenticationBackend,
    AuthenticationError,
    SimpleUser,
)
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import HTTPConnection, Request
from starlette.responses import JSONResponse

from .config import settings


class ApiKeyBackend(AuthenticationBackend):
    """Maps ``X-Api-Key`` to a service user with read/write scopes."""

    async def authenticate(self, conn: HTTPConnection):
        key = conn.headers.get("x-api-key")
        if key is None:
            return None
        for known in settings.api_keys:
            if hmac.compare_digest(key.encode(), known.encode()):
                return AuthCredentials(["authenticated", "inventory:write"]), SimpleUser("service")
        raise AuthenticationError("unknown api key")


class AdminNetworkMiddleware(BaseHTTPMiddleware):
    """Restricts /admin to the ops VPN range."""

    def __init__(self, app, allowed_prefix: str = "10.40."):
        super().__init__(app)
        self.allowed_prefix = allowed_prefix

    async def dispatch(self, request: Request, call_next):
        if request.url.path.startswith("/admin"):
            client = request.client.host if request.client else ""
            if not client.startswith(self.allowed_prefix):
                return JSONResponse({"error": "forbidden"}, status_code=403)
        return await call_next(request)


def partner_signed(handler):
    """Verifies the HMAC signature partners attach to stock-level pushes."""

    @functools.wraps(handler)
    async def wrapper(request: Request):
        body = await request.body()
        expected = hmac.new(settings.partner_webhook_secret.encode(), body, hashlib.sha256).hexdigest()
        if request.headers.get("x-partner-signature", "") == expected:
            return await handler(request)
        return JSONResponse({"error": "bad signature"}, status_code=401)

    return wrapper
