from __future__ import annotations

import logging
from functools import lru_cache

import maxminddb

from .settings import settings

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _reader() -> maxminddb.Reader | None:
    try:
        return maxminddb.open_database(settings.geoip_db)
    except FileNotFoundError:
        log.warning("GeoIP database %s missing; country lookup disabled", settings.geoip_db)
        return None


def country_for(ip: str | None) -> str | None:
    reader = _reader()
    if reader is None or not ip:
        return None
    record = reader.get(ip) or {}
    return record.get("country", {}).get("iso_code")
