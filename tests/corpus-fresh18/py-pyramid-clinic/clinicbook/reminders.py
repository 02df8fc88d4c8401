"""Appointment reminders sent the day before a visit."""
import abc
import logging
import os

from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client

log = logging.getLogger(__name__)

TWILIO_ACCOUNT_SID = os.environ.get("TWILIO_ACCOUNT_SID", "AC5e1f0c9d2b7a4e83c6d1f09a2b4c7e15")
TWILIO_AUTH_TOKEN = os.environ.get("TWILIO_AUTH_TOKEN", "9c4e2a7f1b3d8e6c0a5f2b9d4e7c1a36")
SMS_SENDER = os.environ.get("CLINICBOOK_SMS_SENDER", "ClinicBook")


class ReminderChannel(abc.ABC):
    name = "abstract"

    @abc.abstractmethod
    def send(self, patient, appointment):
        """Deliver a reminder; return a provider message id."""
        raise NotImplementedError


class SmsChannel(ReminderChannel):
    name = "sms"

    def __init__(self, client=None):
        self.client = client or Client(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN)

    def send(self, patient, appointment):
        body = (
            f"Reminder: {appointment.doctor.name} on "
            f"{appointment.starts_at:%d.%m. at %H:%M}. Reply C to cancel."
        )
        try:
            message = self.client.messages.create(to=patient.phone, from_=SMS_SENDER, body=body)
        except TwilioRestException as exc:
            log.error("sms reminder for appointment %s failed: %s", appointment.id, exc.msg)
            raise
        return message.sid


class LogChannel(ReminderChannel):
    name = "log"

    def send(self, patient, appointment):
        log.info("reminder for appointment %s to user %s", appointment.id, patient.id)
        return f"log-{appointment.id}"


def channel_for(patient):
    return SmsChannel() if patient.phone else LogChannel()
