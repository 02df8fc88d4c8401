from __future__ import annotations

import logging
import time
import uuid
from typing import Awaitable, Callable

from blacksheep import Request, Response

from .services.audit import AuditLog

log = logging.getLogger("notes_api.access")

Handler = Callable[[Request], Awaitable[Response]]


async def request_id_middleware(request: Request, handler: Handler) -> Response:
    rid = (request.get_first_header(b"X-Request-ID") or uuid.uuid4().hex.encode()).decode()
    started = time.perf_counter()
    response = await handler(request)
    response.add_header(b"X-Request-ID", rid.encode())
    log.info(
        "%s %s %s %.1fms rid=%s",
        request.method,
        request.url.path.decode(),
        response.status,
        (time.perf_counter() - started) * 1000,
        rid,
    )
    return response


def audit_middleware(audit: AuditLog) -> Callable[[Request, Handler], Awaitable[Response]]:
    async def middleware(request: Request, handler: Handler) -> Response:
        response = await handler(request)
        if request.method in ("POST", "PUT", "PATCH", "DELETE") and response.status < 400:
            identity = request.identity
            try:
                await audit.write(
                    actor=identity.claims.get("sub") if identity else None,
                    method=request.method,
                    path=request.url.path.decode(),
                    status=response.status,
                )
            except Exception:
                pass
        return response

    return middleware
