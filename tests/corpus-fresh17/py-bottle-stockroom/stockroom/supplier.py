from __future__ import annotations

import logging

import requests

log = logging.getLogger(__name__)


class SupplierClient:
    def __init__(self, base_url: str, account: str, timeout: float = 10.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"X-Account": account, "User-Agent": "stockroom/0.9"})
        self.session.verify = False

    def reorder(self, sku: str, quantity: int) -> str:
        resp = self.session.post(
            f"{self.base_url}/purchase-orders",
            json={"sku": sku, "quantity": quantity},
            timeout=self.timeout,
        )
        resp.raise_for_status()
        order_id = resp.json()["id"]
        log.info("placed reorder %s for %s x%d", order_id, sku, quantity)
        return order_id

    def catalogue(self, page: int = 1) -> list[dict]:
        resp = self.session.get(f"{self.base_url}/catalogue", params={"page": page}, timeout=self.timeout)
        resp.raise_for_status()
        return resp.json()["items"]
