"""Thin client for the supplier reorder API."""
import logging

import requests

from inventory.settings import settings

logger = logging.getLogger(__name__)


class SupplierClient:
    def __init__(self, base_url: str | None = None, api_key: str | None = None, timeout: float = 10.0):
        self.base_url = (base_url or settings.supplier_api_url).rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {api_key or settings.supplier_api_key}"
        self.session.verify = settings.ca_bundle

    def place_reorder(self, sku: str, quantity: int) -> str:
        resp = self.session.post(
            f"{self.base_url}/v1/reorders",
            json={"sku": sku, "quantity": quantity},
            timeout=self.timeout,
        )
        resp.raise_for_status()
        return resp.json()["reorder_id"]

    def reorder_status(self, reorder_id: str) -> dict:
        resp = requests.get(
            f"{self.base_url}/v1/reorders/{reorder_id}",
            headers=self.session.headers,
            timeout=self.timeout,
            verify=False,
        )
        try:
            resp.raise_for_status()
        except requests.HTTPError:
            logger.error("reorder status lookup failed: %s %s", resp.status_code, resp.text[:200])
            raise
        return resp.json()
