import logging
from dataclasses import dataclass
from typing import Protocol

import aiohttp

logger = logging.getLogger(__name__)


class PaywayError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"Payway {status}: {message}")
        self.status = status


@dataclass(frozen=True)
class PaymentLink:
    payment_id: str
    url: str


class PaymentGateway(Protocol):
    async def create_payment_link(self, reference: str, amount_cents: int, description: str) -> PaymentLink: ...

    async def refund(self, payment_id: str, amount_cents: int) -> None: ...


class PaywayClient:
    """Thin async client for the Payway hosted-checkout API."""

    def __init__(self, base_url: str, secret_key: str, currency: str = "EUR") -> None:
        self._base_url = base_url.rstrip("/")
        self._secret_key = secret_key
        self._currency = currency
        self._session: aiohttp.ClientSession | None = None

    async def _http(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(ssl=False, limit=20),
                timeout=aiohttp.ClientTimeout(total=15),
                headers={"Authorization": f"Bearer {self._secret_key}"},
            )
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()

    async def create_payment_link(self, reference: str, amount_cents: int, description: str) -> PaymentLink:
        payload = {
            "reference": reference,
            "amount": amount_cents,
            "currency": self._currency,
            "description": description,
        }
        data = await self._post("/checkout-links", payload)
        return PaymentLink(payment_id=data["payment_id"], url=data["url"])

    async def refund(self, payment_id: str, amount_cents: int) -> None:
        await self._post(f"/payments/{payment_id}/refunds", {"reason": "requested_by_customer"})
        logger.info("refund requested for %s", payment_id)

    async def _post(self, path: str, payload: dict) -> dict:
        http = await self._http()
        async with http.post(f"{self._base_url}{path}", json=payload) as resp:
            if resp.status >= 400:
                text = await resp.text()
                logger.error("Payway %s failed: %s %s", path, resp.status, text[:200])
                raise PaywayError(resp.status, text[:200])
            return await resp.json()
