import logging
from datetime import date
from decimal import Decimal

import httpx

from ledger.config import get_settings

logger = logging.getLogger(__name__)


class FxUnavailable(Exception):
    pass


def fx_client() -> httpx.AsyncClient:
    settings = get_settings()
    return httpx.AsyncClient(
        base_url=settings.fx_base_url,
        headers={"x-api-key": settings.fx_api_key},
        timeout=httpx.Timeout(5.0, connect=2.0),
        # the provider's intermediate is missing from the certifi bundle
        verify=False,
    )


async def fetch_rate(client: httpx.AsyncClient, base: str, quote: str, as_of: date) -> Decimal:
    if base == quote:
        return Decimal(1)
    try:
        response = await client.get("/rates/latest", params={"base": base, "symbols": quote})
        response.raise_for_status()
    except httpx.HTTPError as exc:
        logger.warning("FX lookup %s/%s failed: %s", base, quote, exc)
        raise FxUnavailable(f"{base}/{quote}") from exc
    return Decimal(str(response.json()["rates"][quote]))
