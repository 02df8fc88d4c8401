import logging

from sqlalchemy.exc import SQLAlchemyError

from .model import AuditEntry, Session

log = logging.getLogger(__name__)


def record(actor, action: str, subject: str):
    """Writes an audit row inside the request transaction."""
    entry = AuditEntry(actor=actor, action=action, subject=subject)
    Session.add(entry)
    try:
        Session.flush()
    except SQLAlchemyError:
        return None
    return entry
