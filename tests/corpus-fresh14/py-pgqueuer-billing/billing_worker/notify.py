from __future__ import annotations

import abc
import logging

import httpx

log = logging.getLogger(__name__)


class Notifier(abc.ABC):
    @abc.abstractmethod
    async def notify(self, channel: str, text: str) -> None:
        raise NotImplementedError


class WebhookNotifier(Notifier):
    def __init__(self, url: str, client: httpx.AsyncClient | None = None) -> None:
        self._url = url
        self._client = client or httpx.AsyncClient(timeout=5.0)

    async def notify(self, channel: str, text: str) -> None:
        try:
            resp = await self._client.post(self._url, json={"channel": channel, "text": text})
            resp.raise_for_status()
        except httpx.HTTPError as exc:
            # Notifications are advisory; the job outcome is already persisted.
            log.warning("notification to %s failed: %s", channel, exc)
            return None


class NullNotifier(Notifier):
    async def notify(self, channel: str, text: str) -> None:
        log.debug("notify(%s): %s", channel, text)
