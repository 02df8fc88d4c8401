from datetime import datetime, timezone
from decimal import Decimal
from types import SimpleNamespace

import pytest
import responses
from django.test import override_settings

from clinic.integrations import LabPortalClient, LabPortalError
from clinic.models import Clinic, Invoice, LedgerEntry, Patient, StaffUser
from clinic.notifications import Notifier, send_reminders
from clinic.services import find_patient_by_email, issue_refund
from clinic.serializers import RefundSerializer


class RecordingNotifier(Notifier):
    def __init__(self):
        self.sent = []

    def send(self, patient, message):
        self.sent.append((patient, message))


class SilentNotifier(Notifier):
    def send(self, patient, message):
        pass


@pytest.fixture
def clinic(db):
    return Clinic.objects.create(name="Nordstadt")


@pytest.fixture
def billing_admin(clinic):
    return StaffUser.objects.create_user("bo", clinic=clinic, role=StaffUser.Role.BILLING_ADMIN)


@pytest.fixture
def invoice(clinic):
    patient = Patient.objects.create(clinic=clinic, full_name="Jon Roe", email="jon@example.com")
    return Invoice.objects.create(clinic=clinic, patient=patient, amount=Decimal("100.00"), stripe_payment_intent="pi_123")


def test_refund_books_ledger_entry(monkeypatch, invoice, billing_admin):
    monkeypatch.setattr("clinic.services._refund_with_stripe", lambda inv, amt: "re_1")
    issue_refund(invoice, Decimal("40.00"), actor=billing_admin)
    invoice.refresh_from_db()
    assert invoice.status == "partially_refunded"
    assert LedgerEntry.objects.filter(invoice=invoice, kind="refund").count() == 1


def test_refund_serializer_rejects_overdraw(invoice):
    ser = RefundSerializer(data={"amount": "150.00"}, context={"invoice": invoice})
    assert not ser.is_valid()


def test_find_patient_by_email_missing_returns_none(clinic):
    assert find_patient_by_email(clinic, "nobody@example.com") is None


def test_send_reminders_uses_notifier(monkeypatch):
    rec = RecordingNotifier()
    monkeypatch.setattr("clinic.notifications.notifier_for", lambda p: rec)
    appt = SimpleNamespace(patient=SimpleNamespace(pk=1), starts_at=datetime(2024, 5, 1, 9, 30, tzinfo=timezone.utc))
    source = SimpleNamespace(due=lambda now: [appt])
    assert send_reminders(source, datetime.now(timezone.utc)) == 1
    assert rec.sent[0][1].startswith("Reminder:")


@responses.activate
@override_settings(LAB_PORTAL_URL="https://lab.test", LAB_CA_BUNDLE="/home/ci/certs/lab-test-ca.pem")
def test_fetch_results_unknown_order():
    responses.get("https://lab.test/orders/X1/results", status=404)
    with pytest.raises(LabPortalError):
        LabPortalClient(username="u", password="p").fetch_results("X1")
