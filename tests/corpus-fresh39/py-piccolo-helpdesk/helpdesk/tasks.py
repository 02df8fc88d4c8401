"""Work done after the response has been sent (Starlette BackgroundTask)."""

import logging

import httpx

from helpdesk.notify import Channel
from helpdesk.tables import Ticket, TicketEvent

log = logging.getLogger("helpdesk.tasks")


async def announce_new_ticket(channel: Channel, ticket_id: int) -> None:
    ticket = await Ticket.objects().get(Ticket.id == ticket_id)
    if ticket is None:
        return
    urgent = ticket.priority == "urgent"
    try:
        await channel.send(f"New ticket #{ticket.id}: {ticket.subject}", urgent=urgent)
    except httpx.HTTPError as exc:
        log.warning("chat notification for ticket %s failed: %s", ticket_id, exc)
        await TicketEvent.insert(
            TicketEvent(ticket=ticket_id, kind="notify_failed", detail={"error": str(exc)[:200]})
        )


async def announce_assignment(channel: Channel, ticket_id: int, assignee_name: str) -> None:
    await channel.send(f"Ticket #{ticket_id} assigned to {assignee_name}")
