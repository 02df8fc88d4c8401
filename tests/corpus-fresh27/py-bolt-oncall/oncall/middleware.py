from __future__ import annotations

import logging
import time

from slack_bolt import BoltContext
from slack_sdk import WebClient

from .models import AuditEntry, SessionLocal
from .settings import get_settings

log = logging.getLogger(__name__)


def log_request(body: dict, next, logger: logging.Logger) -> None:
    started = time.monotonic()
    kind = body.get("type") or body.get("command") or "unknown"
    try:
        next()
    finally:
        logger.info("slack %s handled in %.0fms", kind, (time.monotonic() - started) * 1000)


def is_workspace_admin(client: WebClient, user_id: str) -> bool:
    if user_id in get_settings().admin_user_ids:
        return True
    user = client.users_info(user=user_id)["user"]
    return bool(user.get("is_admin") or user.get("is_owner"))


def require_admin(context: BoltContext, client: WebClient, ack, respond, next) -> None:
    if context.user_id and is_workspace_admin(client, context.user_id):
        next()
        return
    ack()
    respond(response_type="ephemeral", text=":no_entry: Only on-call admins can do that.")


def record_audit(actor_id: str, action: str, detail: str = "") -> None:
    try:
        with SessionLocal.begin() as db:
            db.add(AuditEntry(actor_id=actor_id, action=action, detail=detail[:2000]))
    except Exception:
        pass  # never block a slash command on the audit table
