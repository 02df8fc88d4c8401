import abc
import ssl

import httpx

from . import config

API_VERSION = "2024-03-01"


class BillingError(Exception):
    pass


class BillingBackend(abc.ABC):
    @abc.abstractmethod
    async def register(self, tenant: str, plan: str, owners: list[str]) -> str:
        """Create or update the billing account and return its id."""

    @abc.abstractmethod
    async def deregister(self, tenant: str) -> None:
        """Close the billing account at the end of the current period."""

    @abc.abstractmethod
    async def report_usage(self, tenant: str, cpu_core_hours: float, memory_gib_hours: float) -> None:
        """Add metered usage for the current period."""


def _ssl_context() -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    if config.BILLING_CA_FILE:
        ctx.load_verify_locations(cafile=config.BILLING_CA_FILE)
    return ctx


class HttpBilling(BillingBackend):
    def __init__(self, base_url: str = config.BILLING_URL, token: str = config.BILLING_API_TOKEN):
        self._client = httpx.AsyncClient(
            base_url=base_url,
            headers={"Authorization": f"Bearer {token}", "X-Billing-Api-Version": API_VERSION},
            timeout=config.BILLING_TIMEOUT,
            verify=_ssl_context(),
        )

    async def _call(self, method: str, path: str, **kwargs) -> httpx.Response:
        response = await self._client.request(method, path, **kwargs)
        if response.headers.get("X-Billing-Api-Version", API_VERSION) != API_VERSION:
            raise BillingError(f"billing answered with API version {response.headers['X-Billing-Api-Version']}")
        response.raise_for_status()
        return response

    async def register(self, tenant: str, plan: str, owners: list[str]) -> str:
        response = await self._call(
            "PUT",
            f"/accounts/{tenant}",
            json={"plan": plan, "contacts": owners},
            headers={"Idempotency-Key": f"register-{tenant}-{plan}"},
        )
        return response.json()["account_id"]

    async def deregister(self, tenant: str) -> None:
        await self._call("DELETE", f"/accounts/{tenant}")

    async def report_usage(self, tenant: str, cpu_core_hours: float, memory_gib_hours: float) -> None:
        await self._call(
            "POST",
            f"/accounts/{tenant}/usage",
            json={"cpu_core_hours": round(cpu_core_hours, 3), "memory_gib_hours": round(memory_gib_hours, 3)},
        )

    async def aclose(self) -> None:
        await self._client.aclose()
