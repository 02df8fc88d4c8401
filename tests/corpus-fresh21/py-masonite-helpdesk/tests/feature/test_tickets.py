import hashlib
import hmac
import time

from masonite.tests import DatabaseTransactions, TestCase

from app.controllers.InboundMailController import signature_valid
from app.models.Ticket import Ticket, TicketEvent
from app.models.User import User


class TestTickets(TestCase, DatabaseTransactions):
    connection = "sqlite"

    def setUp(self):
        super().setUp()
        self.agent = User.create(
            {"name": "Agent", "email": "agent@helpdesk.test", "password": "secret", "is_admin": False}
        )
        self.admin = User.create(
            {"name": "Lead", "email": "lead@helpdesk.test", "password": "secret", "is_admin": True}
        )
        self.ticket = Ticket.create(
            {
                "subject": "Printer on fire",
                "body": "Again.",
                "requester_email": "cust@example.test",
                "status": "new",
                "assignee_id": self.agent.id,
            }
        )

    def _assert_ticket_page(self, response, subject):
        response.assertOk()
        response.assertContains(subject)
        response.assertViewIs("tickets.show")

    def test_index_requires_login(self):
        self.get("/tickets").assertRedirect()

    def test_agent_sees_assigned_ticket(self):
        self.actingAs(self.agent).get("/tickets").assertOk().assertContains("Printer on fire")

    def test_show_ticket(self):
        response = self.actingAs(self.agent).get(f"/tickets/{self.ticket.id}")
        self._assert_ticket_page(response, "Printer on fire")

    def test_assign_ticket(self):
        self.actingAs(self.admin).post(
            f"/tickets/{self.ticket.id}/assign", {"assignee_id": self.admin.id}
        )

    def test_close_by_other_agent_is_forbidden(self):
        other = User.create({"name": "Other", "email": "o@helpdesk.test", "password": "x", "is_admin": False})
        self.actingAs(other).post(f"/tickets/{self.ticket.id}/close").assertForbidden()
        self.assertDatabaseHas("tickets", {"id": self.ticket.id, "status": "new"})

    def test_admin_pages_reject_agents(self):
        self.actingAs(self.agent).get("/admin/agents").assertForbidden()

    def test_reply_records_event(self):
        self.actingAs(self.agent).post(f"/tickets/{self.ticket.id}/reply", {"body": "On it"})
        assert TicketEvent.where("ticket_id", self.ticket.id).where("kind", "replied").count() == 1


class TestMailgunSignature(TestCase):
    def test_valid_signature(self):
        ts = str(int(time.time()))
        sig = hmac.new(b"key-test", f"{ts}tok".encode(), hashlib.sha256).hexdigest()
        self.assertTrue(signature_valid("key-test", ts, "tok", sig))

    def test_stale_timestamp_rejected(self):
        ts = str(int(time.time()) - 3600)
        sig = hmac.new(b"key-test", f"{ts}tok".encode(), hashlib.sha256).hexdigest()
        self.assertFalse(signature_valid("key-test", ts, "tok", sig))
