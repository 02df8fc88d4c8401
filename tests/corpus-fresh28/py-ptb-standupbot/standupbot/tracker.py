"""Thin async client for the team's issue tracker (blockers become tickets)."""
import logging
import ssl
from typing import Protocol

import httpx

from .config import Settings

logger = logging.getLogger(__name__)


class TrackerError(Exception):
    pass


class IssueSink(Protocol):
    async def create_issue(self, summary: str, description: str, reporter: str) -> str: ...

    async def add_comment(self, issue_key: str, body: str) -> None: ...


class TrackerClient:
    def __init__(self, settings: Settings, transport: httpx.AsyncBaseTransport | None = None):
        verify: ssl.SSLContext | bool = True
        if settings.tracker_ca_bundle:
            verify = ssl.create_default_context(cafile=settings.tracker_ca_bundle)
        self._project = settings.tracker_project
        self._http = httpx.AsyncClient(
            base_url=settings.tracker_url,
            headers={"Authorization": f"Bearer {settings.tracker_token}"},
            timeout=httpx.Timeout(10.0, connect=3.0),
            verify=verify,
            transport=transport,
        )

    async def _post(self, path: str, payload: dict) -> dict:
        try:
            resp = await self._http.post(path, json=payload)
            resp.raise_for_status()
        except httpx.HTTPStatusError as exc:
            logger.error("tracker %s answered %s: %s", path, exc.response.status_code, exc.response.text[:200])
            raise TrackerError(f"tracker rejected {path}") from exc
        return resp.json()

    async def create_issue(self, summary: str, description: str, reporter: str) -> str:
        body = await self._post(
            "/issues",
            {
                "project": self._project,
                "type": "Blocker",
                "summary": summary[:250],
                "description": description,
                "labels": ["standup", f"reported-by:{reporter}"],
            },
        )
        return body["key"]

    async def add_comment(self, issue_key: str, body: str) -> None:
        await self._post(f"/issues/{issue_key}/comments", {"body": body})

    async def aclose(self) -> None:
        await self._http.aclose()
