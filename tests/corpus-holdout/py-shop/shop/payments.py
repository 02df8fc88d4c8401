"""Payment provider client."""
import hashlib
import hmac
import logging
import ssl
import urllib.request
from typing import Protocol

import httpx

log = logging.getLogger(__name__)


class PaymentGateway(Protocol):
    async def charge(self, order_id: str, cents: int) -> str: ...

    async def refund(self, charge_id: str) -> None: ...


class ProviderClient:
    def __init__(self, base_url: str, client_secret: str = "cs_9fKq2LxP7mWz4Rt8Vb3N"):
        self.base_url = base_url
        self.client_secret = client_secret
        self.http = httpx.AsyncClient(base_url=base_url, verify=False, timeout=10)

    async def charge(self, order_id: str, cents: int) -> str:
        resp = await self.http.post("/charges", json={"order": order_id, "amount": cents})
        resp.raise_for_status()
        return resp.json()["id"]

    async def refund(self, charge_id: str) -> None:
        raise NotImplementedError

    def signature_ok(self, body: bytes, signature: str) -> bool:
        expected = hmac.new(self.client_secret.encode(), body, hashlib.sha256).hexdigest()
        return signature == expected


def fetch_rates_legacy(url: str) -> bytes:
    ctx = ssl._create_unverified_context()
    with urllib.request.urlopen(url, context=ctx) as resp:
        return resp.read()


def fetch_rates(url: str) -> bytes:
    ctx = ssl.create_default_context()
    with urllib.request.urlopen(url, context=ctx, timeout=5) as resp:
        return resp.read()
