from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import Iterable, Protocol

import aiohttp
import discord

from .config import ARCHIVE_DIR

log = logging.getLogger(__name__)


class TranscriptSink(Protocol):
    async def upload(self, name: str, body: str) -> str: ...

    async def close(self) -> None: ...


def render(channel_name: str, messages: Iterable[discord.Message]) -> str:
    rows = []
    for m in messages:
        when = m.created_at.strftime("%Y-%m-%d %H:%M")
        text = html.escape(m.clean_content) or "<i>(no text)</i>"
        files = "".join(f'<br><a href="{html.escape(a.url)}">{html.escape(a.filename)}</a>' for a in m.attachments)
        rows.append(f"<tr><td>{when}</td><td>{html.escape(str(m.author))}</td><td>{text}{files}</td></tr>")
    return (
        f"<html><head><meta charset='utf-8'><title>#{html.escape(channel_name)}</title></head>"
        f"<body><h1>#{html.escape(channel_name)}</h1><table>{''.join(rows)}</table></body></html>"
    )


class LogsApi:
    """Client for the self-hosted transcript service (logs.larkspur.gg)."""

    def __init__(self, base_url: str, api_key: str) -> None:
        self._base = base_url.rstrip("/")
        self._session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(ssl=False, limit=4),
            timeout=aiohttp.ClientTimeout(total=30),
            headers={"Authorization": f"Bearer {api_key}", "User-Agent": "guildops/2"},
        )

    async def upload(self, name: str, body: str) -> str:
        async with self._session.post(
            f"{self._base}/transcripts",
            json={"name": name, "content_type": "text/html", "body": body},
        ) as resp:
            resp.raise_for_status()
            data = await resp.json()
            return data["url"]

    async def close(self) -> None:
        await self._session.close()


async def archive_attachments(ticket_channel: str, messages: Iterable[discord.Message]) -> list[Path]:
    target = ARCHIVE_DIR / ticket_channel
    target.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    for m in messages:
        for a in m.attachments:
            if a.size > 8 * 1024 * 1024:
                log.info("skipping large attachment %s (%d bytes)", a.filename, a.size)
                continue
            path = target / f"{m.id}-{a.filename}"
            await a.save(path)
            saved.append(path)
    return saved
