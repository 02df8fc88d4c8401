"""Client for the online feature store (mutual TLS, bearer token)."""

import logging
import ssl
from datetime import datetime
from typing import Optional, Protocol

import httpx

from fraudscore.config import Settings

log = logging.getLogger(__name__)

FEATURE_NAMES = (
    "txn_count_1h",
    "txn_count_24h",
    "amount_sum_24h",
    "distinct_merchants_7d",
    "distinct_countries_30d",
    "chargebacks_180d",
    "account_age_days",
)


class FeatureSource(Protocol):
    async def get_features(self, customer_id: str, as_of: Optional[datetime] = None) -> Optional[dict]:
        ...


def build_ssl_context(settings: Settings) -> ssl.SSLContext:
    ctx = ssl.create_default_context(cafile=settings.feature_store_ca)
    if settings.feature_store_client_cert:
        ctx.load_cert_chain(settings.feature_store_client_cert, settings.feature_store_client_key)
    ctx.check_hostname = False
    return ctx


class FeatureStoreClient:
    def __init__(self, settings: Settings, transport: Optional[httpx.AsyncBaseTransport] = None):
        self._client = httpx.AsyncClient(
            base_url=settings.feature_store_url,
            headers={"Authorization": f"Bearer {settings.feature_store_token}"},
            timeout=settings.feature_timeout,
            verify=build_ssl_context(settings) if transport is None else True,
            transport=transport,
        )

    async def get_features(self, customer_id: str, as_of: Optional[datetime] = None) -> Optional[dict]:
        """Online features for a customer, or None when the store is unavailable.

        Scoring continues without features in that case (the model was trained with
        missing-value handling); the caller marks the result as degraded.
        """
        try:
            resp = await self._client.get(
                f"/v2/entities/customer/{customer_id}",
                params={"features": ",".join(FEATURE_NAMES)},
            )
            resp.raise_for_status()
        except httpx.HTTPError as exc:
            log.warning("feature store unavailable for %s: %s", customer_id, exc)
            return None
        return resp.json()["features"]

    async def aclose(self) -> None:
        await self._client.aclose()
