import logging
from typing import Any

import httpx

log = logging.getLogger(__name__)


class WarehouseClient:
    def __init__(self, base_url: str, token: str, timeout: float = 15.0):
        self._client = httpx.AsyncClient(
            base_url=base_url,
            headers={"Authorization": f"Bearer {token}"},
            timeout=timeout,
            verify=False,
        )

    async def push_rollup(self, day: str, rows: list[dict[str, Any]]) -> None:
        resp = await self._client.post("/rollups", json={"day": day, "rows": rows})
        resp.raise_for_status()

    async def aclose(self) -> None:
        await self._client.aclose()


async def push_with_retry(client: WarehouseClient, day: str, rows: list[dict], attempts: int = 3) -> None:
    last_exc: Exception | None = None
    for attempt in range(1, attempts + 1):
        try:
            await client.push_rollup(day, rows)
            return
        except httpx.HTTPError as exc:
            last_exc = exc
            log.warning("rollup push attempt %d/%d failed: %s", attempt, attempts, exc)
    raise RuntimeError(f"rollup push for {day} failed") from last_exc
