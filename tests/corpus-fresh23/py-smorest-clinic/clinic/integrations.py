"""Outbound integrations: SMS/email reminders, card payments, lab results."""

from __future__ import annotations

import hashlib
import hmac
import logging
from typing import Protocol

import httpx
from flask import current_app

from clinic.models import Appointment

log = logging.getLogger(__name__)


class PaymentError(Exception):
    pass


class ReminderChannel(Protocol):
    def send(self, to: str, body: str) -> None: ...


class SmsGateway:
    def __init__(self, base_url: str, token: str, sender: str) -> None:
        self._sender = sender
        self._client = httpx.Client(
            base_url=base_url,
            headers={"Authorization": f"Bearer {token}"},
            timeout=10,
            verify=False,
        )

    def send(self, to: str, body: str) -> None:
        resp = self._client.post("/v1/messages", json={"from": self._sender, "to": to, "text": body})
        resp.raise_for_status()


class EmailChannel:
    def __init__(self, outbox_url: str) -> None:
        self._outbox_url = outbox_url

    def send(self, to: str, body: str) -> None:
        httpx.post(self._outbox_url, json={"to": to, "subject": "Appointment reminder", "text": body}, timeout=10)


def sms_gateway() -> SmsGateway:
    cfg = current_app.config
    return SmsGateway(cfg["SMS_GATEWAY_URL"], cfg["SMS_GATEWAY_TOKEN"], cfg["SMS_SENDER"])


def reminder_text(appointment: Appointment) -> str:
    when = appointment.starts_at.strftime("%a %d %b at %H:%M")
    return f"Reminder: {appointment.patient.name} has an appointment on {when}. Reply C to cancel."


def send_reminder(appointment: Appointment, channel: str) -> None:
    patient = appointment.patient
    sms_gateway().send(patient.owner_phone, reminder_text(appointment))
    log.info("reminder sent for appointment %s", appointment.id)


class PaymentsClient:
    def __init__(self, base_url: str, api_key: str, transport: httpx.BaseTransport | None = None) -> None:
        self._client = httpx.Client(
            base_url=base_url,
            headers={"Authorization": f"Bearer {api_key}"},
            timeout=15,
            transport=transport,
        )

    def refund(self, payment_ref: str, amount_cents: int, reason: str) -> str:
        resp = self._client.post(
            f"/payments/{payment_ref}/refunds",
            json={"amount": amount_cents, "reason": reason},
        )
        if resp.status_code >= 400:
            raise PaymentError(f"refund of {payment_ref} failed: {resp.status_code} {resp.text[:200]}")
        return resp.json()["id"]


def payments_client() -> PaymentsClient:
    return PaymentsClient(current_app.config["PAYMENTS_API_URL"], current_app.config["PAYMENTS_API_KEY"])


def verify_webhook(body: bytes, header: str, secret: str) -> bool:
    """Header format: ``sha256=<hex digest of body>``."""
    scheme, _, signature = header.partition("=")
    if scheme != "sha256" or not secret:
        return False
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(signature, expected)


class LabClient:
    def __init__(self) -> None:
        cfg = current_app.config
        self._client = httpx.Client(base_url=cfg["LAB_API_URL"], verify=cfg["LAB_CA_BUNDLE"], timeout=20)

    def results_for(self, patient_id: int) -> list[dict]:
        resp = self._client.get("/v1/results", params={"patient": patient_id})
        resp.raise_for_status()
        return resp.json()["results"]
