from __future__ import annotations

import logging
from types import TracebackType

import httpx

log = logging.getLogger(__name__)


class LedgerError(RuntimeError):
    pass


class LedgerSession:
    """Stages ledger entries and posts them in a single commit call."""

    def __init__(self, base_url: str, token: str) -> None:
        self._client = httpx.AsyncClient(
            base_url=base_url,
            headers={"Authorization": f"Bearer {token}"},
            timeout=15.0,
        )
        self._entries: list[dict] = []

    async def __aenter__(self) -> "LedgerSession":
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self._client.aclose()

    def stage(self, account: str, amount_cents: int, memo: str) -> None:
        self._entries.append({"account": account, "amount": amount_cents, "memo": memo})

    async def commit(self) -> str:
        resp = await self._client.post("/v2/journal", json={"entries": self._entries})
        if resp.status_code >= 400:
            raise LedgerError(f"ledger rejected journal: {resp.status_code} {resp.text}")
        self._entries.clear()
        return resp.json()["journal_id"]
