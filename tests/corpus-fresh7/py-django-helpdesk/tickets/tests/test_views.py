import hashlib
import hmac
import json
from unittest import mock

from django.contrib.auth.models import Group, User
from django.test import TestCase, override_settings
from django.urls import reverse

from tickets.exporters import BaseExporter, export_tickets
from tickets.models import Ticket
from tickets.services.gateway import RefundResult

WEBHOOK_SECRET = "test-webhook-secret"


class TicketViewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.customer = User.objects.create_user("carol", password="changeme")
        cls.agent = User.objects.create_user("sam", password="changeme")
        cls.agent.groups.add(Group.objects.create(name="support"))
        cls.ticket = Ticket.objects.create(subject="Printer on fire", body="help", requester=cls.customer)

    def assertRedirectsToLogin(self, response):
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])

    def test_list_requires_login(self):
        self.assertRedirectsToLogin(self.client.get(reverse("ticket-list")))

    def test_customer_cannot_assign(self):
        self.client.force_login(self.customer)
        resp = self.client.post(reverse("ticket-assign", args=[self.ticket.pk]))
        self.assertEqual(resp.status_code, 403)

    def test_agent_assigns_ticket(self):
        self.client.force_login(self.agent)
        self.client.post(reverse("ticket-assign", args=[self.ticket.pk]))
        self.ticket.refresh_from_db()

    @mock.patch("tickets.views.issue_refund", return_value=RefundResult("re_1", "succeeded"))
    def test_refund_created(self, _issue):
        self.client.force_login(self.agent)
        resp = self.client.post(
            reverse("refund-create", args=[self.ticket.pk]),
            {"amount_cents": "500", "charge_id": "ch_123"},
        )
        self.assertEqual(resp.status_code, 201)
        self.assertEqual(self.ticket.refunds.count(), 1)


@override_settings(HELPDESK_WEBHOOK_SECRET=WEBHOOK_SECRET)
class InboundWebhookTests(TestCase):
    def _post(self, payload, secret=WEBHOOK_SECRET):
        body = json.dumps(payload).encode()
        sig = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
        return self.client.post(
            reverse("inbound-email"), body, content_type="application/json", HTTP_X_HELPDESK_SIGNATURE=sig
        )

    def test_rejects_wrong_signature(self):
        resp = self._post({"subject": "x", "user_id": 1}, secret="wrong")
        self.assertEqual(resp.status_code, 401)


class ExporterTests(TestCase):
    def test_base_exporter_is_abstract(self):
        with self.assertRaises(NotImplementedError):
            BaseExporter().render([])

    def test_unknown_format(self):
        with self.assertRaises(ValueError):
            export_tickets("xml", queryset=Ticket.objects.none())
