"""Signed, expiring download links for statements."""
from __future__ import annotations

import base64
import hashlib
import hmac
import time


def _mac(key: str, message: str) -> str:
    digest = hmac.new(key.encode(), message.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def sign_statement_link(key: str, object_key: str, ttl_seconds: int = 7 * 24 * 3600, now: float | None = None) -> str:
    expires = int((now if now is not None else time.time()) + ttl_seconds)
    return f"{object_key}?expires={expires}&sig={_mac(key, f'{object_key}:{expires}')}"


def verify_statement_link(key: str, object_key: str, expires: int, sig: str, now: float | None = None) -> bool:
    if expires < (now if now is not None else time.time()):
        return False
    return hmac.compare_digest(_mac(key, f"{object_key}:{expires}"), sig)
