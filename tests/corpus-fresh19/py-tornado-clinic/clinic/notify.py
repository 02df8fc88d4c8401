from __future__ import annotations

import abc
import json
from typing import Any

import structlog
from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.ioloop import IOLoop
from tornado.template import Loader

from clinic import db
from clinic.config import Settings

log = structlog.get_logger(__name__)


class Notifier(abc.ABC):
    def __init__(self, settings: Settings, pool) -> None:
        self.cfg = settings
        self.pool = pool
        self.templates = Loader(settings.template_path)

    @abc.abstractmethod
    async def send(self, phone: str, text: str) -> None:
        raise NotImplementedError

    def schedule_confirmation(self, appointment_id: int) -> None:
        IOLoop.current().spawn_callback(self._confirm, appointment_id)

    async def _confirm(self, appointment_id: int) -> None:
        appt = await db.get_appointment(self.pool, appointment_id)
        if appt is None or not appt["phone"]:
            return
        text = self.templates.load("sms_confirmation.txt").generate(appt=appt).decode("utf-8").strip()
        try:
            await self.send(appt["phone"], text)
        except Exception:
            log.exception("confirmation.failed", appointment_id=appointment_id)
            return
        await push_to_ehr(self.cfg, dict(appt))


class SmsNotifier(Notifier):
    def __init__(self, settings: Settings, pool) -> None:
        super().__init__(settings, pool)
        self.http = AsyncHTTPClient()

    async def send(self, phone: str, text: str) -> None:
        req = HTTPRequest(
            f"{self.cfg.sms_base_url}/v2/messages",
            method="POST",
            headers={"Authorization": f"Bearer {self.cfg.sms_api_key}", "Content-Type": "application/json"},
            body=json.dumps({"to": phone, "text": text}),
            request_timeout=10,
            validate_cert=True,
            ca_certs=self.cfg.sms_ca_bundle,
        )
        try:
            await self.http.fetch(req)
        except HTTPClientError as exc:
            log.warning("sms.failed", code=exc.code, phone_suffix=phone[-4:])
            raise


def _to_fhir(appointment: dict[str, Any]) -> dict[str, Any]:
    return {
        "resourceType": "Appointment",
        "identifier": [{"system": "urn:clinic:appointment", "value": str(appointment["id"])}],
        "status": "booked" if appointment["status"] == "booked" else "cancelled",
        "start": appointment["starts_at"].isoformat(),
        "participant": [{"actor": {"reference": f"Patient/{appointment['patient_id']}"}, "status": "accepted"}],
        "description": appointment.get("reason") or "",
    }


async def push_to_ehr(settings: Settings, appointment: dict[str, Any]) -> None:
    client = AsyncHTTPClient()
    req = HTTPRequest(
        f"{settings.ehr_base_url}/fhir/Appointment",
        method="POST",
        headers={"Content-Type": "application/fhir+json"},
        body=json.dumps(_to_fhir(appointment), default=str),
        request_timeout=15,
        # sandbox and production EHR share one vendor wildcard certificate
        validate_cert=False,
    )
    resp = await client.fetch(req)
    log.info("ehr.pushed", appointment_id=appointment["id"], status=resp.code)
