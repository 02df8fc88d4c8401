from __future__ import annotations

import tornado.web

from clinic import db, security
from clinic.handlers.base import SESSION_COOKIE, BaseHandler


class HealthHandler(BaseHandler):
    async def prepare(self) -> None:
        # probes carry no cookies; skip the user lookup
        return None

    async def get(self) -> None:
        await self.pool.fetchval("SELECT 1")
        self.write_json({"status": "ok"})


class LoginHandler(BaseHandler):
    async def post(self) -> None:
        body = self.json_body()
        user = await db.get_user_by_email(self.pool, str(body.get("email", "")))
        if user is None or not security.check_password(str(body.get("password", "")), user["password_hash"]):
            raise tornado.web.HTTPError(401, reason="invalid credentials")
        self.set_signed_cookie(
            SESSION_COOKIE,
            str(user["id"]),
            expires_days=self.cfg.session_days,
            httponly=True,
            secure=not self.cfg.debug,
            samesite="Strict",
        )
        await db.record_audit(self.pool, user["id"], "session.login", f"staff:{user['id']}", {"ip": self.request.remote_ip})
        self.write_json({"id": user["id"], "role": user["role"]})


class LogoutHandler(BaseHandler):
    @tornado.web.authenticated
    async def post(self) -> None:
        self.clear_cookie(SESSION_COOKIE)
        self.set_status(204)
        self.finish()
