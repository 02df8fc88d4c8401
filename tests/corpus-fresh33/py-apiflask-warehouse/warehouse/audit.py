from flask import g

from .extensions import db
from .models import AuditEntry


def record(action: str, subject: str, detail: str | None = None) -> AuditEntry:
    """Adds an audit row to the current session; the caller commits it with its own change."""
    entry = AuditEntry(actor_id=g.get("actor_id"), action=action, subject=subject, detail=detail)
    db.session.add(entry)
    return entry
