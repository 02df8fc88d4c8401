import csv
import io
import logging

from starlette.authentication import requires
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response

from helpdesk import services, tasks
from helpdesk.notify import default_channel
from helpdesk.tables import Article, Customer, Priority, Ticket, TicketStatus

log = logging.getLogger("helpdesk.endpoints")

channel = default_channel()

PAGE_SIZE = 50


def _actor_id(request: Request) -> int | None:
    user = getattr(request.user, "user", None)
    return user.id if user is not None else None


def _is_admin(request: Request) -> bool:
    user = getattr(request.user, "user", None)
    return bool(user and (user.admin or user.superuser))


async def healthz(request: Request) -> Response:
    return PlainTextResponse("ok")


async def kb_articles(request: Request) -> Response:
    rows = await Article.select(Article.id, Article.title, Article.body).where(Article.published == True)  # noqa: E712
    return JSONResponse(rows, headers={"cache-control": "public, max-age=120"})


@requires("authenticated")
async def list_tickets(request: Request) -> Response:
    status = request.query_params.get("status", TicketStatus.open)
    page = max(int(request.query_params.get("page", "1")), 1)
    query = (
        Ticket.select(Ticket.id, Ticket.subject, Ticket.status, Ticket.priority, Ticket.customer.name, Ticket.created_at)
        .where(Ticket.status == status)
        .order_by(Ticket.created_at, ascending=False)
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE)
    )
    if request.query_params.get("mine") == "1":
        query = query.where(Ticket.assignee == _actor_id(request))
    return JSONResponse(await query.output(load_json=True), headers={"cache-control": "no-store"})


@requires("authenticated")
async def create_ticket(request: Request) -> Response:
    data = await request.json()
    customer = await Customer.objects().get(Customer.email == data.get("customer_email", ""))
    if customer is None:
        return JSONResponse({"detail": "unknown customer"}, status_code=422)
    priority = data.get("priority", Priority.normal)
    if priority not in {p.value for p in Priority}:
        return JSONResponse({"detail": "bad priority"}, status_code=422)
    ticket = Ticket(subject=data["subject"][:300], body=data.get("body", ""), priority=priority, customer=customer.id)
    await ticket.save()
    return JSONResponse(
        {"id": ticket.id},
        status_code=201,
        background=BackgroundTask(tasks.announce_new_ticket, channel, ticket.id),
    )


@requires("authenticated")
async def ticket_detail(request: Request) -> Response:
    try:
        ticket = await services.get_ticket(request.path_params["ticket_id"])
    except services.TicketNotFound:
        return JSONResponse({"detail": "not found"}, status_code=404)
    return JSONResponse(ticket.to_dict(), headers={"cache-control": "no-store"})


@requires("authenticated")
async def comment(request: Request) -> Response:
    data = await request.json()
    body = (data.get("body") or "").strip()
    if not body:
        return JSONResponse({"detail": "empty comment"}, status_code=422)
    created = await services.add_comment(
        request.path_params["ticket_id"], _actor_id(request), body, bool(data.get("internal", False))
    )
    return JSONResponse({"id": created.id}, status_code=201)


async def reassign_ticket(request: Request) -> Response:
    data = await request.json()
    try:
        ticket = await services.assign(request.path_params["ticket_id"], int(data["assignee_id"]), _actor_id(request))
    except services.TicketNotFound:
        return JSONResponse({"detail": "not found"}, status_code=404)
    return JSONResponse(
        {"id": ticket.id, "assignee": ticket.assignee},
        background=BackgroundTask(tasks.announce_assignment, channel, ticket.id, str(data.get("assignee_name", ""))),
    )


@requires("authenticated")
async def close(request: Request) -> Response:
    data = await request.json()
    resolution = (data.get("resolution") or "").strip()
    if not resolution:
        return JSONResponse({"detail": "a resolution is required"}, status_code=422)
    ticket = await services.close_ticket(request.path_params["ticket_id"], _actor_id(request), resolution)
    return JSONResponse({"id": ticket.id, "status": ticket.status})


@requires("authenticated")
async def export_tickets(request: Request) -> Response:
    if not _is_admin(request):
        return JSONResponse({"detail": "admins only"}, status_code=403)
    customer_id = request.query_params.get("customer_id")
    if not customer_id:
        return JSONResponse({"detail": "customer_id is required"}, status_code=422)
    rows = await Ticket.select(
        Ticket.id, Ticket.subject, Ticket.status, Ticket.priority, Ticket.created_at, Ticket.closed_at
    ).order_by(Ticket.id)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["id", "subject", "status", "priority", "created_at", "closed_at"])
    writer.writeheader()
    writer.writerows(rows)
    log.info("ticket export by %s for customer %s: %d rows", _actor_id(request), customer_id, len(rows))
    return Response(
        out.getvalue(),
        media_type="text/csv",
        headers={"content-disposition": f'attachment; filename="tickets-{customer_id}.csv"'},
    )


@requires("authenticated")
async def merge_tickets(request: Request) -> Response:
    return JSONResponse({"detail": "Not implemented"}, status_code=501)
