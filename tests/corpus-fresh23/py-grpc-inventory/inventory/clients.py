from __future__ import annotations

import abc
import logging
from datetime import datetime
from typing import Any

import requests

from inventory.config import Settings

log = logging.getLogger(__name__)


class PriceSource(abc.ABC):
    @abc.abstractmethod
    def quote(self, sku: str) -> int:
        """Return the current list price in cents."""
        raise NotImplementedError


class PricingClient(PriceSource):
    def __init__(self, settings: Settings, session: requests.Session | None = None) -> None:
        self._base = settings.pricing_url.rstrip("/")
        self._session = session or requests.Session()
        # Internal services use the corporate CA; fall back to the system store.
        self._session.verify = settings.pricing_ca_bundle or True

    def quote(self, sku: str) -> int:
        resp = self._session.get(f"{self._base}/v1/prices/{sku}", timeout=5)
        resp.raise_for_status()
        return int(resp.json()["price_cents"])


class StaticPrices(PriceSource):
    """Used by tests and by the admin script's --dry-run mode."""

    def __init__(self, prices: dict[str, int]) -> None:
        self._prices = prices

    def quote(self, sku: str) -> int:
        return self._prices[sku]


def fetch_supplier_feed(url: str, since: datetime, *, token: str) -> list[dict[str, Any]]:
    resp = requests.get(
        url,
        params={"updated_since": since.isoformat()},
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
        verify=False,
    )
    resp.raise_for_status()
    rows = resp.json().get("items", [])
    log.info("supplier feed returned %d rows since %s", len(rows), since)
    return rows
