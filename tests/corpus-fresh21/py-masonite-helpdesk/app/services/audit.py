"""Append-only audit trail for agent actions."""
import json
import logging
from datetime import datetime, timezone

from app.models.Ticket import TicketEvent

logger = logging.getLogger(__name__)


def record(ticket_id, actor_id, kind, **payload):
    try:
        TicketEvent.create(
            {
                "ticket_id": ticket_id,
                "actor_id": actor_id,
                "kind": kind,
                "payload": json.dumps({**payload, "at": datetime.now(timezone.utc).isoformat()}),
            }
        )
    except Exception:
        pass


def record_or_raise(ticket_id, actor_id, kind, **payload):
    """Used for deactivations, where a missing audit row is not acceptable."""
    try:
        return TicketEvent.create(
            {"ticket_id": ticket_id, "actor_id": actor_id, "kind": kind, "payload": json.dumps(payload)}
        )
    except Exception:
        logger.exception("audit write failed for %s on %s", kind, ticket_id)
        raise
