"""ASGI middleware that requires an API key on the inference endpoints."""

import hmac
import logging

from fraudscore.config import API_KEY_HEADER

log = logging.getLogger(__name__)

# Probes and metrics are scraped inside the cluster without credentials.
PUBLIC_PATHS = ("/healthz", "/livez", "/readyz", "/metrics")


class ApiKeyMiddleware:
    def __init__(self, app, keys=()):
        self.app = app
        self.keys = [k.encode() for k in keys]

    def _allowed(self, presented: bytes) -> bool:
        # Compare against every key so the time taken does not reveal which one matched.
        matched = False
        for key in self.keys:
            matched |= hmac.compare_digest(presented, key)
        return matched

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket") or scope["path"] in PUBLIC_PATHS:
            await self.app(scope, receive, send)
            return
        # The mounted admin app checks its own bearer token (fraudscore.admin.require_admin).
        if scope["path"].startswith("/admin/"):
            await self.app(scope, receive, send)
            return

        headers = dict(scope.get("headers") or [])
        presented = headers.get(API_KEY_HEADER.encode(), b"")
        if presented and self._allowed(presented):
            await self.app(scope, receive, send)
            return

        log.info("rejected request to %s without a valid API key", scope["path"])
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        await send({"type": "http.response.start", "status": 401, "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": b'{"error":"missing or invalid API key"}'})
