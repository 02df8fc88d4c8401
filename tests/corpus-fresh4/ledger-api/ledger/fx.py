from __future__ import annotations

from decimal import Decimal

import httpx

from . import settings


class FxClient:
    def __init__(self, base_url: str = settings.FX_RATES_URL, timeout: float = 5.0) -> None:
        self._client = httpx.AsyncClient(base_url=base_url, timeout=timeout, verify=False)

    async def rate(self, base: str, quote: str) -> Decimal:
        resp = await self._client.get("/", params={"base": base, "quote": quote})
        resp.raise_for_status()
        return Decimal(str(resp.json()["rate"]))

    async def aclose(self) -> None:
        await self._client.aclose()
