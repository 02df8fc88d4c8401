"""Reverse geocoding for position labels shown in the desk UI."""

import logging
from functools import lru_cache

import requests

from fleetdesk import config

log = logging.getLogger(__name__)


@lru_cache(maxsize=4096)
def reverse_geocode(lat, lon):
    """Best-effort street label; the UI falls back to coordinates when this is None."""
    try:
        resp = requests.get(
            f"{config.GEOCODER_URL}/reverse",
            params={"lat": f"{lat:.5f}", "lon": f"{lon:.5f}"},
            timeout=3,
            # config.validate() refuses this flag outside FLEETDESK_ENV=dev.
            verify=not config.GEOCODER_INSECURE_DEV,
        )
        resp.raise_for_status()
    except requests.RequestException as exc:
        log.warning("reverse geocode failed for %.5f,%.5f: %s", lat, lon, exc)
        return None
    return resp.json().get("label")
