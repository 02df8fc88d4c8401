"""Audit trail of every action taken from the console."""

from __future__ import annotations

import json
import logging

from sqlalchemy import Engine, text

from opsdesk.auth import current_user

log = logging.getLogger("opsdesk.audit")


def record(engine: Engine, action: str, subject: str, **detail) -> None:
    user = current_user()
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO ops_audit (actor, action, subject, detail, at) "
                    "VALUES (:actor, :action, :subject, CAST(:detail AS jsonb), now())"
                ),
                {
                    "actor": user["username"] or "unknown",
                    "action": action,
                    "subject": subject,
                    "detail": json.dumps(detail, default=str),
                },
            )
    except Exception:
        pass
