from __future__ import annotations

import abc
import logging
import re

import httpx

from . import settings

log = logging.getLogger("fieldservice.sms")

E164 = re.compile(r"^\+[1-9]\d{7,14}$")


class Notifier(abc.ABC):
    @abc.abstractmethod
    async def send(self, to: str, body: str) -> str:
        """Send a message and return the provider's message id."""
        raise NotImplementedError


class RelayTextNotifier(Notifier):
    def __init__(self, base_url: str = settings.SMS_API_URL, api_key: str = settings.SMS_API_KEY) -> None:
        self._client = httpx.AsyncClient(
            base_url=base_url,
            headers={"Authorization": f"Bearer {api_key}"},
            timeout=httpx.Timeout(10.0, connect=3.0),
            verify=False,
        )

    async def send(self, to: str, body: str) -> str:
        if not E164.match(to):
            raise ValueError(f"not an E.164 number: {to!r}")
        resp = await self._client.post(
            "/messages",
            json={"from": settings.SMS_SENDER, "to": to, "text": body[:459], "callback": True},
        )
        resp.raise_for_status()
        message_id = resp.json()["id"]
        log.info("sms %s queued to %s", message_id, to[:-4] + "****")
        return message_id

    async def aclose(self) -> None:
        await self._client.aclose()


_notifier: Notifier | None = None


def notifier() -> Notifier:
    global _notifier
    if _notifier is None:
        _notifier = RelayTextNotifier()
    return _notifier


def use_notifier(n: Notifier) -> None:
    global _notifier
    _notifier = n
