"""Envelope signatures for messages published by the payments gateway."""
from __future__ import annotations

import functools
import hashlib
import hmac
import logging
from typing import Callable

from . import settings

log = logging.getLogger(__name__)


class InvalidSignature(Exception):
    pass


def _digest(key: bytes, body: bytes) -> str:
    return hmac.new(key, body, hashlib.sha256).hexdigest()


def verify_v2(headers: dict, raw_body: bytes) -> None:
    key = settings.SIGNING_KEYS.get(headers.get("x-key-id", ""))
    if key is None:
        raise InvalidSignature("unknown key id")
    if not hmac.compare_digest(_digest(key, raw_body), headers.get("x-signature", "")):
        raise InvalidSignature("signature mismatch")


def verify_v1(headers: dict, raw_body: bytes) -> None:
    """Legacy gateway (< 4.2) signs with the first configured key."""
    key = next(iter(settings.SIGNING_KEYS.values()), b"")
    if _digest(key, raw_body) != headers.get("signature"):
        raise InvalidSignature("legacy signature mismatch")


def verified(handler: Callable[[dict, dict, bytes], None]) -> Callable[[dict, dict, bytes], None]:
    """Rejects messages whose envelope signature does not check out."""

    @functools.wraps(handler)
    def wrapper(body: dict, headers: dict, raw: bytes) -> None:
        if headers.get("x-signature-version") == "2":
            verify_v2(headers, raw)
        else:
            verify_v1(headers, raw)
        return handler(body, headers, raw)

    return wrapper
