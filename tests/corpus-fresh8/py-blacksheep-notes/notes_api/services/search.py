from __future__ import annotations

import logging
from typing import Any

import httpx

from ..settings import Settings

log = logging.getLogger(__name__)


class SearchIndex:
    """Thin client for the internal search cluster."""

    def __init__(self, settings: Settings) -> None:
        self._client = httpx.AsyncClient(
            base_url=settings.search_url,
            headers={"Authorization": f"ApiKey {settings.search_api_key}"},
            timeout=httpx.Timeout(5.0, connect=2.0),
            verify=False,
        )

    async def index(self, note: dict[str, Any]) -> None:
        resp = await self._client.put(f"/notes/_doc/{note['id']}", json=note)
        resp.raise_for_status()

    async def query(self, text: str, *, size: int = 20) -> list[dict[str, Any]]:
        resp = await self._client.post(
            "/notes/_search",
            json={"size": size, "query": {"multi_match": {"query": text, "fields": ["title^2", "body"]}}},
        )
        resp.raise_for_status()
        return [hit["_source"] for hit in resp.json()["hits"]["hits"]]

    async def aclose(self) -> None:
        await self._client.aclose()
