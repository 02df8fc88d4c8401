from __future__ import annotations

import structlog
import tornado.web

from clinic import db, security
from clinic.handlers.base import BaseHandler

log = structlog.get_logger(__name__)


class LabResultWebhookHandler(BaseHandler):
    """Receives lab results pushed by the EHR integration."""

    async def prepare(self) -> None:
        # server-to-server callback: no staff session, authenticated by the signature header
        return None

    async def post(self) -> None:
        signature = self.request.headers.get("X-EHR-Signature", "")
        expected = security.sign_payload(self.cfg.webhook_secret, self.request.body)
        if not self.cfg.webhook_secret or signature != expected:
            raise tornado.web.HTTPError(401, reason="bad signature")
        event = self.json_body()
        order_id = event.get("order_id")
        if not order_id:
            raise tornado.web.HTTPError(400, reason="order_id is required")
        try:
            await db.mark_result_received(self.pool, order_id, event)
        except LookupError as exc:
            raise tornado.web.HTTPError(404, reason=str(exc)) from exc
        except Exception:
            log.exception("lab_result.persist_failed", order_id=order_id)
            raise
        self.write_json({"ok": True})
