"""Data access for patient records."""
import logging
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from clinic.models import AuditEntry, Patient

logger = logging.getLogger(__name__)


class DuplicatePatient(Exception):
    pass


def active_patients(ward=None):
    qs = Patient.objects.filter(discharged_at__isnull=True).order_by("last_name", "first_name")
    if ward:
        qs = qs.filter(ward=ward)
    return qs


def _audit(actor: str, action: str, subject_id) -> None:
    AuditEntry.objects.create(actor=actor, action=action, subject_id=str(subject_id))


def admit(data: dict, clinician_id: str) -> Patient:
    try:
        with transaction.atomic():
            patient = Patient.objects.create(admitted_by=clinician_id, **data)
    except IntegrityError as exc:
        logger.info("duplicate admission for %s %s", data.get("first_name"), data.get("last_name"))
        raise DuplicatePatient(str(exc)) from exc

    try:
        _audit(clinician_id, "patient.admit", patient.pk)
    except Exception:
        pass
    return patient


def purge_discharged(older_than_days: int) -> int:
    cutoff = timezone.now() - timedelta(days=older_than_days)
    with transaction.atomic():
        deleted, _ = Patient.objects.filter(discharged_at__lt=cutoff).delete()
        _audit("system", "patient.purge", f"before:{cutoff.date()}")
    return deleted
