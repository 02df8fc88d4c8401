from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import httpx

from .log import log


@dataclass(frozen=True)
class Transfer:
    id: str
    status: str
    amount_minor: int
    currency: str
    reference: str


class BankRail(Protocol):
    async def create_transfer(
        self,
        amount_minor: int,
        currency: str,
        destination: str,
        reference: str,
        idempotency_key: str | None = None,
    ) -> Transfer: ...

    async def find_by_reference(self, reference: str) -> Transfer | None: ...


class BankClient:
    def __init__(self, base_url: str, token: str, *, verify: bool | str = True, timeout: float = 15.0) -> None:
        self._client = httpx.AsyncClient(
            base_url=base_url,
            headers={"Authorization": f"Bearer {token}", "User-Agent": "payoutd/1.7"},
            verify=verify,
            timeout=timeout,
        )

    async def create_transfer(
        self,
        amount_minor: int,
        currency: str,
        destination: str,
        reference: str,
        idempotency_key: str | None = None,
    ) -> Transfer:
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        payload = {"amount": amount_minor, "currency": currency, "destination": destination, "reference": reference}
        try:
            resp = await self._client.post("/transfers", json=payload, headers=headers)
            resp.raise_for_status()
        except httpx.HTTPStatusError as exc:
            if exc.response.status_code == 409:
                # The bank already accepted a transfer with this reference; return that one.
                log.info("bank.transfer_exists", reference=reference)
                existing = await self.find_by_reference(reference)
                if existing is not None:
                    return existing
            raise
        return Transfer(**resp.json())

    async def find_by_reference(self, reference: str) -> Transfer | None:
        resp = await self._client.get("/transfers", params={"reference": reference})
        resp.raise_for_status()
        items = resp.json()["data"]
        return Transfer(**items[0]) if items else None

    async def aclose(self) -> None:
        await self._client.aclose()
