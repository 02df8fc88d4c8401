"""Currency conversion for claims filed in foreign currencies."""

import logging
from decimal import ROUND_HALF_EVEN, Decimal
from functools import lru_cache

import requests

from chalicelib.config import settings

logger = logging.getLogger("claimsdesk.fx")

_session = requests.Session()
_session.verify = settings.ca_bundle


class RateUnavailable(Exception):
    """Raised when no rate can be obtained for a currency pair."""


@lru_cache(maxsize=64)
def _rate(base: str, quote: str, day: str) -> Decimal:
    try:
        resp = _session.get(settings.fx_api_url, params={"base": base, "quote": quote, "date": day}, timeout=5)
        resp.raise_for_status()
    except requests.RequestException as exc:
        logger.error("fx lookup failed", extra={"base": base, "quote": quote, "day": day})
        raise RateUnavailable(f"{base}/{quote} on {day}") from exc
    return Decimal(str(resp.json()["rate"]))


def to_eur(amount: Decimal, currency: str, day: str) -> Decimal:
    if currency == "EUR":
        return amount
    converted = amount * _rate(currency, "EUR", day)
    return converted.quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)


def supported_currencies() -> list[str]:
    resp = requests.get(f"{settings.fx_api_url}/currencies", timeout=5, verify=False)
    resp.raise_for_status()
    return sorted(resp.json()["currencies"])
