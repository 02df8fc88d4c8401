"""Ticket and TicketEvent models."""
from masoniteorm.models import Model
from masoniteorm.relationships import belongs_to, has_many


class Ticket(Model):
    __table__ = "tickets"
    __fillable__ = [
        "subject",
        "body",
        "requester_email",
        "status",
        "priority",
        "assignee_id",
        "merged_into_id",
    ]
    __casts__ = {"priority": "int"}

    OPEN_STATES = ("new", "open", "pending")

    @belongs_to("assignee_id", "id")
    def assignee(self):
        from app.models.User import User

        return User

    @has_many("id", "ticket_id")
    def events(self):
        return TicketEvent

    @classmethod
    def for_agent(cls, agent_id, include_closed=False):
        return (
            cls.where("assignee_id", agent_id)
            .where_in("status", cls.OPEN_STATES)
            .order_by("priority", "desc")
            .order_by("updated_at", "desc")
        )

    @classmethod
    def search(cls, term, statuses):
        query = cls.where("subject", "ilike", f"%{term}%")
        return cls._status_filter(query, statuses)

    @staticmethod
    def _status_filter(query, statuses):
        if statuses:
            return query.where_in("status", list(statuses))
        return query


class TicketEvent(Model):
    __table__ = "ticket_events"
    __fillable__ = ["ticket_id", "actor_id", "kind", "payload"]
    __casts__ = {"payload": "json"}

    @belongs_to("ticket_id", "id")
    def ticket(self):
        return Ticket
