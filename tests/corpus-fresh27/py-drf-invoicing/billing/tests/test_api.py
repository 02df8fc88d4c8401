from datetime import date
from decimal import Decimal
from unittest import mock

import httpx
from django.contrib.auth.models import Group, User
from django.urls import reverse
from rest_framework import status
from rest_framework.test import APIClient, APITestCase

from billing.models import Customer, Invoice, PartnerKey
from billing.payments import Charge, PayrailGateway


class InvoiceApiTests(APITestCase):
    @classmethod
    def setUpTestData(cls):
        cls.owner = User.objects.create_user("owner", password="pw-owner-123")
        cls.other = User.objects.create_user("other", password="pw-other-123")
        cls.finance = User.objects.create_user("finance", password="pw-finance-123")
        cls.finance.groups.add(Group.objects.create(name="finance-admin"))
        cls.customer = Customer.objects.create(owner=cls.owner, name="Acme", email="ap@acme.test")
        cls.invoice = Invoice.objects.create(customer=cls.customer, number="INV-0001", currency="EUR",
                                             total=Decimal("120.00"), due_date=date(2024, 6, 30),
                                             status=Invoice.Status.PAID, payment_intent_id="pi_1")

    def _assert_forbidden(self, response):
        self.assertIn(response.status_code, (status.HTTP_403_FORBIDDEN, status.HTTP_404_NOT_FOUND))

    def test_owner_lists_own_invoices(self):
        self.client.force_authenticate(self.owner)
        response = self.client.get(reverse("invoice-list"))
        self.assertEqual(response.status_code, 200)
        self.assertEqual([i["number"] for i in response.data["results"]], ["INV-0001"])

    def test_other_user_cannot_read_invoice(self):
        self.client.force_authenticate(self.other)
        self._assert_forbidden(self.client.get(reverse("invoice-detail", args=[self.invoice.pk])))

    def test_list_query_count(self):
        self.client.force_authenticate(self.owner)
        with self.assertNumQueries(3):
            self.client.get(reverse("invoice-list"))

    def test_finance_can_void_open_invoice(self):
        open_invoice = Invoice.objects.create(customer=self.customer, number="INV-0002", currency="EUR",
                                              total=Decimal("10.00"), due_date=date(2024, 7, 1),
                                              status=Invoice.Status.OPEN)
        self.client.force_authenticate(self.finance)
        response = self.client.post(reverse("invoice-void", args=[open_invoice.pk]))
        self.assertEqual(response.data["status"], "void")

    @mock.patch("billing.views.default_gateway")
    def test_refund_paid_invoice(self, gateway):
        gateway.return_value.refund.return_value = Charge(id="re_1", status="succeeded", amount=Decimal("20"))
        self.client.force_authenticate(self.owner)
        self.client.post(reverse("invoice-refund", args=[self.invoice.pk]),
                         {"amount": "20.00", "reason": "duplicate"}, format="json")


class PartnerKeyTests(APITestCase):
    def test_partner_key_authenticates(self):
        user = User.objects.create_user("partner")
        raw = "pk7f3a21.partner-test-secret"
        PartnerKey.objects.create(name="test", prefix="pk7f3a21", key_hash=PartnerKey.hash(raw), user=user)
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Partner {raw}")
        self.assertEqual(client.get(reverse("customer-list")).status_code, 200)

    def test_gateway_against_mock_transport(self):
        def handler(request: httpx.Request) -> httpx.Response:
            return httpx.Response(200, json={"id": "pi_9", "status": "requires_payment", "amount": 1250})

        gateway = PayrailGateway("https://payrail.test/v3", "sk_test_dummy")
        gateway._client = httpx.Client(base_url="https://payrail.test/v3", transport=httpx.MockTransport(handler),
                                       verify=False)
        charge = gateway.get_intent("pi_9")
        self.assertEqual(charge.amount, Decimal("12.50"))
