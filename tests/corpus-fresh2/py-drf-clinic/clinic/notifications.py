import logging
from abc import ABC, abstractmethod
from datetime import datetime
from typing import Iterable, Protocol

from django.conf import settings
from django.core.mail import send_mail

log = logging.getLogger(__name__)


class Appointment(Protocol):
    patient: object
    starts_at: datetime


class ReminderSource(Protocol):
    def due(self, now: datetime) -> Iterable[Appointment]: ...


class Notifier(ABC):
    """Channel-specific delivery of patient reminders."""

    @abstractmethod
    def send(self, patient, message: str) -> None:
        raise NotImplementedError

    def format(self, appt: Appointment) -> str:
        return f"Reminder: your appointment is on {appt.starts_at:%d.%m.%Y at %H:%M}."


class EmailNotifier(Notifier):
    def send(self, patient, message: str) -> None:
        send_mail(
            subject="Appointment reminder",
            message=message,
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[patient.email],
            fail_silently=False,
        )


class SmsNotifier(Notifier):
    def send(self, patient, message: str) -> None:
        raise NotImplementedError("SMS gateway integration pending")


def notifier_for(patient) -> Notifier:
    return SmsNotifier() if patient.prefers_sms and patient.phone else EmailNotifier()


def send_reminders(source: ReminderSource, now: datetime) -> int:
    sent = 0
    for appt in source.due(now):
        notifier = notifier_for(appt.patient)
        try:
            notifier.send(appt.patient, notifier.format(appt))
        except OSError:
            log.exception("reminder delivery failed for patient %s", getattr(appt.patient, "pk", "?"))
            continue
        sent += 1
    return sent
