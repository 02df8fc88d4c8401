from __future__ import annotations

import logging

import httpx

from .settings import settings

log = logging.getLogger(__name__)


class ShippingClient:
    """Thin wrapper over the ParcelHub REST API."""

    def __init__(self, base_url: str = settings.shipping_api_url, token: str | None = None) -> None:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._http = httpx.AsyncClient(base_url=base_url, headers=headers, timeout=15.0, verify=False)

    async def create_label(self, order_id: str, address: dict[str, str]) -> str:
        resp = await self._http.post("/labels", json={"reference": order_id, "to": address})
        resp.raise_for_status()
        return resp.json()["label_url"]

    async def cancel_label(self, label_id: str) -> None:
        resp = await self._http.delete(f"/labels/{label_id}")
        if resp.status_code == 404:
            log.info("label %s already gone", label_id)
            return
        resp.raise_for_status()

    async def aclose(self) -> None:
        await self._http.aclose()
