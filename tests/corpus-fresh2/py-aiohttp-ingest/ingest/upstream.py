"""Forwards accepted batches to the central collector."""
from __future__ import annotations

import asyncio
import logging
import os
import ssl

import aiohttp

log = logging.getLogger(__name__)


def collector_ssl_context() -> ssl.SSLContext:
    # The collector presents a cert from the internal CA; trust exactly that CA.
    ctx = ssl.create_default_context(cafile=os.environ.get("COLLECTOR_CA", "/etc/ingest/collector-ca.pem"))
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


class Forwarder:
    def __init__(self, base_url: str, *, retries: int = 3, backoff: float = 0.5):
        self._base_url = base_url.rstrip("/")
        self._retries = retries
        self._backoff = backoff
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> "Forwarder":
        connector = aiohttp.TCPConnector(ssl=collector_ssl_context(), limit=32)
        self._session = aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=15))
        return self

    async def __aexit__(self, *exc_info) -> None:
        if self._session is not None:
            await self._session.close()

    async def forward(self, tenant: str, events: list[dict]) -> None:
        assert self._session is not None, "use `async with Forwarder(...)`"
        last_exc: Exception | None = None
        for attempt in range(self._retries + 1):
            try:
                async with self._session.post(f"{self._base_url}/v1/{tenant}/events", json=events) as resp:
                    resp.raise_for_status()
                    return
            except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
                last_exc = exc
                log.warning("forward attempt %d for %s failed: %s", attempt + 1, tenant, exc)
                await asyncio.sleep(self._backoff * 2**attempt)
        raise RuntimeError(f"forwarding to collector failed after {self._retries + 1} attempts") from last_exc
