"""Ticket state changes shared by the HTTP endpoints and the inbound mail hook."""

import contextlib
import datetime as dt
import shutil
import uuid
from pathlib import Path

from helpdesk import settings
from helpdesk.tables import Attachment, Comment, Ticket, TicketEvent, TicketStatus


class TicketNotFound(LookupError):
    pass


async def get_ticket(ticket_id: int) -> Ticket:
    ticket = await Ticket.objects().get(Ticket.id == ticket_id)
    if ticket is None:
        raise TicketNotFound(ticket_id)
    return ticket


async def record_event(ticket_id: int, actor_id: int | None, kind: str, **detail) -> None:
    await TicketEvent.insert(TicketEvent(ticket=ticket_id, actor=actor_id, kind=kind, detail=detail))


async def assign(ticket_id: int, assignee_id: int, actor_id: int | None) -> Ticket:
    ticket = await get_ticket(ticket_id)
    previous = ticket.assignee
    ticket.assignee = assignee_id
    await ticket.save([Ticket.assignee])
    await record_event(ticket_id, actor_id, "assigned", previous=previous, assignee=assignee_id)
    return ticket


async def close_ticket(ticket_id: int, closed_by: int, resolution: str) -> Ticket:
    ticket = await get_ticket(ticket_id)
    if ticket.status == TicketStatus.closed:
        return ticket
    ticket.status = TicketStatus.closed
    ticket.resolution = resolution
    ticket.closed_at = dt.datetime.now(dt.timezone.utc)
    await ticket.save([Ticket.status, Ticket.resolution, Ticket.closed_at])
    with contextlib.suppress(Exception):
        await record_event(ticket_id, None, "closed", resolution=resolution[:200])
    return ticket


async def add_comment(ticket_id: int, author_id: int | None, body: str, internal: bool) -> Comment:
    comment = Comment(ticket=ticket_id, author=author_id, body=body, internal=internal)
    await comment.save()
    if not internal:
        await Ticket.update({Ticket.status: TicketStatus.pending}).where(
            (Ticket.id == ticket_id) & (Ticket.status == TicketStatus.open)
        )
    return comment


def store_attachment(ticket_id: int, filename: str, source: Path) -> Attachment:
    settings.ATTACHMENT_DIR.mkdir(parents=True, exist_ok=True)
    stored_as = f"{ticket_id}-{uuid.uuid4().hex}{Path(filename).suffix[:10]}"
    shutil.copyfile(source, settings.ATTACHMENT_DIR / stored_as)
    return Attachment(ticket=ticket_id, filename=filename[:255], stored_as=stored_as, size=str(source.stat().st_size))
