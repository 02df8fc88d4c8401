from enum import Enum

from piccolo.apps.user.tables import BaseUser
from piccolo.columns import JSONB, Boolean, ForeignKey, Text, Timestamp, Varchar
from piccolo.columns.defaults.timestamp import TimestampNow
from piccolo.table import Table


class TicketStatus(str, Enum):
    open = "open"
    pending = "pending"
    closed = "closed"


class Priority(str, Enum):
    low = "low"
    normal = "normal"
    urgent = "urgent"


class Customer(Table):
    name = Varchar(length=200)
    email = Varchar(length=254, unique=True)
    org = Varchar(length=100, index=True)


class Ticket(Table):
    subject = Varchar(length=300)
    body = Text()
    status = Varchar(length=20, default=TicketStatus.open, choices=TicketStatus, index=True)
    priority = Varchar(length=20, default=Priority.normal, choices=Priority)
    customer = ForeignKey(references=Customer)
    assignee = ForeignKey(references=BaseUser, null=True)
    resolution = Text(null=True, default=None)
    closed_by = ForeignKey(references=BaseUser, null=True)
    created_at = Timestamp(default=TimestampNow())
    closed_at = Timestamp(null=True, default=None)


class Comment(Table):
    ticket = ForeignKey(references=Ticket)
    author = ForeignKey(references=BaseUser, null=True)
    body = Text()
    internal = Boolean(default=False)
    created_at = Timestamp(default=TimestampNow())


class Attachment(Table):
    ticket = ForeignKey(references=Ticket)
    filename = Varchar(length=255)
    stored_as = Varchar(length=255)
    size = Varchar(length=20)


class TicketEvent(Table):
    ticket = ForeignKey(references=Ticket)
    actor = ForeignKey(references=BaseUser, null=True)
    kind = Varchar(length=50)
    detail = JSONB(default={})
    at = Timestamp(default=TimestampNow())


class Article(Table):
    """Public knowledge-base article."""

    title = Varchar(length=200)
    body = Text()
    published = Boolean(default=False, index=True)
