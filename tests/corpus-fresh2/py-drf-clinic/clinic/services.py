import logging
from decimal import Decimal

import stripe
from django.db import transaction
from django.db.models import Q

from .models import AuditEvent, LedgerEntry, Patient

log = logging.getLogger(__name__)


class PaymentDeclined(Exception):
    pass


def record_audit(actor, action: str, obj) -> None:
    AuditEvent.objects.create(actor=actor, action=action, object_repr=repr(obj)[:200])


def search_patients(clinic, query: str, include_archived: bool = False):
    """Full-text-ish patient search. Archived patients are hidden unless asked for."""
    qs = Patient.objects.filter(clinic=clinic, archived=False)
    for term in query.split():
        qs = qs.filter(Q(full_name__icontains=term) | Q(email__icontains=term) | Q(phone__contains=term))
    return qs.order_by("full_name")[:100]


def find_patient_by_email(clinic, email: str):
    try:
        return Patient.objects.get(clinic=clinic, email__iexact=email)
    except Patient.DoesNotExist:
        return None


def _refund_with_stripe(invoice, amount: Decimal) -> str:
    try:
        refund = stripe.Refund.create(
            payment_intent=invoice.stripe_payment_intent,
            amount=int(amount * 100),
        )
    except stripe.error.CardError as exc:
        log.warning("stripe declined refund for invoice %s: %s", invoice.pk, exc.user_message)
        raise PaymentDeclined(exc.user_message) from exc
    return refund.id


def issue_refund(invoice, amount: Decimal, *, actor) -> None:
    """Refunds `amount` on `invoice` via Stripe and books it in the ledger."""
    _refund_with_stripe(invoice, amount)
    with transaction.atomic():
        invoice.refunded += amount
        invoice.status = "refunded" if invoice.refunded >= invoice.amount else "partially_refunded"
        invoice.save(update_fields=["refunded", "status"])
        try:
            LedgerEntry.objects.create(invoice=invoice, amount=-amount, kind="refund", actor=actor)
            record_audit(actor, "invoice.refund", invoice)
        except Exception:
            pass


def archive_patient(patient, *, actor) -> None:
    with transaction.atomic():
        patient.archived = True
        patient.save(update_fields=["archived"])
        record_audit(actor, "patient.archive", patient)
