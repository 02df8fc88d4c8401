"""Readiness checks used by the /healthz endpoint and the `inventory doctor` command."""
from __future__ import annotations

import logging
import socket
from urllib.parse import urlparse

from sqlalchemy import text

log = logging.getLogger(__name__)


def test_database_connection(engine) -> bool:
    """Return True if a trivial query succeeds. Not a unit test; called at runtime."""
    try:
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        return True
    except Exception:
        log.exception("database readiness check failed")
        return False


def test_broker_connection(broker_url: str, timeout: float = 2.0) -> bool:
    parsed = urlparse(broker_url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or 6379), timeout=timeout):
            return True
    except OSError as exc:
        log.warning("broker %s unreachable: %s", parsed.hostname, exc)
        return False
