"""Agent-facing ticket views and the integration JSON API."""
from masonite.controllers import Controller
from masonite.request import Request
from masonite.response import Response
from masonite.views import View

from app.models.Ticket import Ticket
from app.models.User import User
from app.services import audit


class TicketController(Controller):
    def index(self, view: View, request: Request):
        include_closed = request.input("closed", "0") == "1"
        tickets = Ticket.for_agent(request.user().id, include_closed).paginate(25, request.input("page", 1))
        return view.render("tickets.index", {"tickets": tickets, "include_closed": include_closed})

    def show(self, view: View, request: Request, response: Response):
        ticket = Ticket.with_("events", "assignee").find(request.param("ticket_id"))
        if ticket is None:
            return response.status(404).view("NotFound")
        return view.render("tickets.show", {"ticket": ticket})

    def store(self, request: Request, response: Response):
        errors = request.validate({"subject": "required|max:200", "body": "required", "requester_email": "required|email"})
        if errors:
            return response.back().with_errors(errors).with_input()
        ticket = Ticket.create(
            {
                "subject": request.input("subject"),
                "body": request.input("body"),
                "requester_email": request.input("requester_email"),
                "status": "new",
                "priority": int(request.input("priority", 2)),
            }
        )
        audit.record(ticket.id, request.user().id, "created")
        return response.redirect(name="tickets.show", params={"ticket_id": ticket.id})

    def reply(self, request: Request, response: Response):
        ticket = Ticket.find_or_fail(request.param("ticket_id"))
        audit.record(ticket.id, request.user().id, "replied", body=request.input("body"))
        ticket.update({"status": "pending"})
        return response.redirect(name="tickets.show", params={"ticket_id": ticket.id})

    def assign(self, request: Request, response: Response):
        ticket = Ticket.find_or_fail(request.param("ticket_id"))
        agent = User.find(request.input("assignee_id"))
        if agent is None:
            return response.back().with_errors({"assignee_id": ["Unknown agent"]})
        ticket.update({"assignee_id": agent.id, "status": "open"})
        audit.record(ticket.id, request.user().id, "assigned", assignee=agent.id)
        return response.redirect(name="tickets.show", params={"ticket_id": ticket.id})

    def merge(self, request: Request, response: Response):
        raise NotImplementedError("ticket merge is not available yet")

    def close(self, request: Request, response: Response):
        ticket = Ticket.find_or_fail(request.param("ticket_id"))
        user = request.user()
        if ticket.assignee_id != user.id and not user.is_admin:
            return response.status(403).view("Forbidden")
        ticket.update({"status": "closed"})
        audit.record(ticket.id, user.id, "closed")
        return response.redirect(name="tickets.index")

    def api_index(self, request: Request, response: Response):
        statuses = [s for s in request.input("status", "").split(",") if s]
        tickets = Ticket.search(request.input("q", ""), statuses).limit(100).get()
        return response.json({"data": tickets.serialize()})

    def api_store(self, request: Request, response: Response):
        payload = request.all()
        missing = [k for k in ("subject", "body", "requester_email") if not payload.get(k)]
        if missing:
            return response.json({"error": "missing fields", "fields": missing}, status=422)
        ticket = Ticket.create({**{k: payload[k] for k in ("subject", "body", "requester_email")}, "status": "new"})
        audit.record(ticket.id, request.user().id, "created", via="api")
        return response.json({"data": ticket.serialize()}, status=201)
