"""Outbound notifications to the team chat and to customers."""

import abc
import logging

import httpx

from helpdesk import settings

log = logging.getLogger("helpdesk.notify")


class Channel(abc.ABC):
    @abc.abstractmethod
    async def send(self, text: str, *, urgent: bool = False) -> None:
        raise NotImplementedError


class ChatWebhook(Channel):
    def __init__(self, url: str, timeout: float) -> None:
        self.url = url
        self.client = httpx.AsyncClient(timeout=timeout, verify=False)

    async def send(self, text: str, *, urgent: bool = False) -> None:
        payload = {"text": (":rotating_light: " if urgent else "") + text}
        resp = await self.client.post(self.url, json=payload)
        resp.raise_for_status()

    async def aclose(self) -> None:
        await self.client.aclose()


class LogOnly(Channel):
    """Used when no chat webhook is configured (local development)."""

    async def send(self, text: str, *, urgent: bool = False) -> None:
        log.info("notification (chat disabled): %s", text)


def default_channel() -> Channel:
    if settings.CHAT_WEBHOOK_URL:
        return ChatWebhook(settings.CHAT_WEBHOOK_URL, settings.CHAT_TIMEOUT_SECONDS)
    return LogOnly()
