from __future__ import annotations

import hashlib
import hmac
import logging
import time
from abc import ABC, abstractmethod

import httpx

from .settings import settings

log = logging.getLogger(__name__)


class PaymentGateway(ABC):
    @abstractmethod
    async def refund(self, charge_id: str, amount_cents: int) -> str:
        raise NotImplementedError


class StripeGateway(PaymentGateway):
    def __init__(self, api_key: str, client: httpx.AsyncClient | None = None) -> None:
        self._client = client or httpx.AsyncClient(
            base_url="https://api.stripe.com/v1",
            auth=(api_key, ""),
            timeout=httpx.Timeout(10.0),
        )

    async def refund(self, charge_id: str, amount_cents: int) -> str:
        for attempt in range(3):
            try:
                resp = await self._client.post(
                    "/refunds", data={"charge": charge_id, "amount": amount_cents}
                )
                resp.raise_for_status()
                return resp.json()["id"]
            except httpx.TransportError:
                log.warning("stripe refund transport error, attempt %d", attempt + 1)
                if attempt == 2:
                    raise
                await _sleep_backoff(attempt)
        raise RuntimeError("unreachable")


async def _sleep_backoff(attempt: int) -> None:
    import asyncio

    await asyncio.sleep(0.2 * 2**attempt)


def verify_stripe_signature(payload: bytes, header: str, tolerance: int = 300) -> bool:
    parts = dict(item.split("=", 1) for item in header.split(",") if "=" in item)
    timestamp, signature = parts.get("t"), parts.get("v1")
    if not timestamp or not signature:
        return False
    if abs(time.time() - int(timestamp)) > tolerance:
        return False
    signed = f"{timestamp}.".encode() + payload
    expected = hmac.new(settings.stripe_webhook_secret.encode(), signed, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


def verify_partner_callback(payload: bytes, signature: str, secret: str) -> bool:
    digest = hashlib.sha256(secret.encode() + payload).hexdigest()
    return signature.lower() == digest
