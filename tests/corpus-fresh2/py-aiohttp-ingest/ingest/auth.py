from __future__ import annotations

import functools
import hmac
import logging
from typing import Awaitable, Callable

from aiohttp import web

from .config import Settings

log = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

PUBLIC_PATHS = frozenset({"/healthz", "/metrics"})


def match_tenant(settings: Settings, presented: str) -> str | None:
    """Returns the tenant that owns `presented`, comparing in constant time."""
    found = None
    for tenant, token in settings.tenant_tokens.items():
        if hmac.compare_digest(token.encode(), presented.encode()):
            found = tenant
    return found


@web.middleware
async def auth_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    if request.path in PUBLIC_PATHS:
        return await handler(request)

    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise web.HTTPUnauthorized(text="bearer token required")

    tenant = match_tenant(request.app["settings"], token.strip())
    if tenant is None:
        log.info("rejected token for %s %s", request.method, request.path)
        raise web.HTTPUnauthorized(text="invalid token")

    request["tenant"] = tenant
    return await handler(request)


def require_admin(handler: Handler) -> Handler:
    """Restricts a handler to operator tenants (replay, purge, ...)."""

    @functools.wraps(handler)
    async def wrapper(request: web.Request) -> web.StreamResponse:
        if request.get("tenant") not in request.app["settings"].admin_tenants:
            raise web.HTTPForbidden(text="operator access required")
        return await handler(request)

    return wrapper
