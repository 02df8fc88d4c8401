from __future__ import annotations

import functools
from typing import Awaitable, Callable

import jwt
from sanic import Request
from sanic.exceptions import Forbidden, Unauthorized

from . import settings

Handler = Callable[..., Awaitable]


def _decode(request: Request) -> dict:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise Unauthorized("missing bearer token")
    try:
        return jwt.decode(token, settings.JWT_SECRET, algorithms=[settings.JWT_ALGORITHM])
    except jwt.PyJWTError as exc:
        raise Unauthorized("invalid token") from exc


async def authenticate(request: Request) -> None:
    """Request middleware: attaches the decoded claims to ``request.ctx.claims``."""
    request.ctx.claims = _decode(request)


def require_role(role: str) -> Callable[[Handler], Handler]:
    def decorator(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def wrapper(request: Request, *args, **kwargs):
            claims = getattr(request.ctx, "claims", None) or _decode(request)
            if role not in claims.get("roles", []):
                raise Forbidden(f"requires role {role}")
            return await handler(request, *args, **kwargs)

        return wrapper

    return decorator
