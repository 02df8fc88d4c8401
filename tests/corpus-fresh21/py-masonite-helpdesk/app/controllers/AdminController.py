"""Administration screens for team leads."""
import csv
import io
from abc import ABC, abstractmethod

from masonite.controllers import Controller
from masonite.request import Request
from masonite.response import Response
from masonite.views import View

from app.models.Ticket import Ticket, TicketEvent
from app.models.User import User
from app.services import audit


class TicketExporter(ABC):
    content_type = "application/octet-stream"

    @abstractmethod
    def render(self, tickets):
        raise NotImplementedError


class CsvTicketExporter(TicketExporter):
    content_type = "text/csv"

    def render(self, tickets):
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(["id", "subject", "requester", "status", "assignee", "created_at"])
        for t in tickets:
            writer.writerow([t.id, t.subject, t.requester_email, t.status, t.assignee_id, t.created_at])
        return buf.getvalue()


class AdminController(Controller):
    def agents(self, view: View):
        return view.render("admin.agents", {"agents": User.order_by("name").get()})

    def deactivate(self, request: Request, response: Response):
        agent = User.find_or_fail(request.param("user_id"))
        agent.delete()
        Ticket.where("assignee_id", agent.id).where_in("status", Ticket.OPEN_STATES).update({"assignee_id": None})
        audit.record_or_raise(0, request.user().id, "agent.deactivated", agent=agent.id)
        return response.redirect(name="admin.agents")

    def audit(self, view: View, request: Request):
        events = TicketEvent.order_by("created_at", "desc").paginate(50, request.input("page", 1))
        return view.render("admin.audit", {"events": events})

    def export(self, request: Request, response: Response):
        exporter = CsvTicketExporter()
        tickets = Ticket.order_by("id").get()
        response.header("Content-Type", exporter.content_type)
        response.header("Content-Disposition", 'attachment; filename="tickets.csv"')
        return exporter.render(tickets)
