from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

import structlog
import tornado.web

from clinic import db

log = structlog.get_logger(__name__)

SESSION_COOKIE = "clinic_user"


class BaseHandler(tornado.web.RequestHandler):
    def initialize(self, pool, settings, notifier=None) -> None:
        self.pool = pool
        self.cfg = settings
        self.notifier = notifier
        self._user = None

    def set_default_headers(self) -> None:
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("Cache-Control", "no-store")

    async def prepare(self) -> None:
        user_id = self.get_signed_cookie(SESSION_COOKIE, max_age_days=self.cfg.session_days)
        if user_id:
            self._user = await db.get_user(self.pool, int(user_id))

    def get_current_user(self):
        return self._user

    def json_body(self) -> dict[str, Any]:
        try:
            body = json.loads(self.request.body or b"{}")
        except json.JSONDecodeError as exc:
            raise tornado.web.HTTPError(400, reason="invalid JSON") from exc
        if not isinstance(body, dict):
            raise tornado.web.HTTPError(400, reason="expected a JSON object")
        return body

    def write_json(self, payload: Any, status: int = 200) -> None:
        self.set_status(status)
        self.finish(json.dumps(payload, default=str))

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        self.finish(json.dumps(self._error_payload(status_code, kwargs)))

    def _error_payload(self, status_code: int, kwargs: dict[str, Any]) -> dict[str, Any]:
        payload: dict[str, Any] = {"error": HTTPStatus(status_code).phrase.lower().replace(" ", "_")}
        exc_info = kwargs.get("exc_info")
        if exc_info and isinstance(exc_info[1], tornado.web.HTTPError) and exc_info[1].reason:
            payload["detail"] = exc_info[1].reason
        if self.settings.get("serve_traceback") and exc_info:
            payload["exception"] = repr(exc_info[1])
        return payload


class AdminHandler(BaseHandler):
    """Base for /api/admin endpoints: requires a logged-in user with the admin role."""

    async def prepare(self) -> None:
        await super().prepare()
        if self.current_user is None:
            raise tornado.web.HTTPError(401)
        if self.current_user["role"] != "admin":
            raise tornado.web.HTTPError(403)
