from __future__ import annotations

import logging

import httpx

from ..config import get_settings
from ..repository import AuditLog

log = logging.getLogger(__name__)


class NotificationService:
    def __init__(self, audit: AuditLog) -> None:
        settings = get_settings()
        self._audit = audit
        self._client = httpx.AsyncClient(
            base_url=settings.sms_gateway_url,
            headers={"X-Api-Key": settings.sms_api_key},
            timeout=10.0,
            verify=False,
        )

    async def send_sms(self, phone: str, body: str, *, patient_id: int) -> str:
        try:
            resp = await self._client.post("/messages", json={"to": phone, "text": body})
            resp.raise_for_status()
        except httpx.HTTPError as exc:
            log.warning("sms to patient %s failed: %s", patient_id, exc)
            raise

        message_id = resp.json()["id"]
        try:
            await self._audit.record("sms.sent", patient_id=patient_id, message_id=message_id)
        except Exception:
            pass
        return message_id

    async def aclose(self) -> None:
        await self._client.aclose()
