from __future__ import annotations

import logging
from abc import ABC, abstractmethod

import httpx

from .settings import settings

log = logging.getLogger(__name__)


class Notifier(ABC):
    @abstractmethod
    def send(self, phone: str, message: str) -> None:
        raise NotImplementedError


class SmsNotifier(Notifier):
    def __init__(self, base_url: str, api_key: str) -> None:
        self._client = httpx.Client(
            base_url=base_url,
            headers={"Authorization": f"Bearer {api_key}"},
            timeout=5.0,
            verify=False,
        )

    def send(self, phone: str, message: str) -> None:
        resp = self._client.post("/messages", json={"to": phone, "body": message})
        if resp.status_code >= 500:
            log.warning("sms gateway error %s, retrying once", resp.status_code)
            resp = self._client.post("/messages", json={"to": phone, "body": message})
        resp.raise_for_status()


class LogNotifier(Notifier):
    """Used in development and tests."""

    def send(self, phone: str, message: str) -> None:
        log.info("sms to %s: %s", phone[-4:], message)


def default_notifier() -> Notifier:
    if settings.sms_api_key:
        return SmsNotifier(settings.sms_base_url, settings.sms_api_key)
    return LogNotifier()
