"""Signed, expiring download links for generated reports."""
import hashlib
import hmac
import time

from reports import config


def _mac(path: str, expires: int) -> str:
    return hmac.new(config.LINK_SIGNING_KEY, f"{path}:{expires}".encode(), hashlib.sha256).hexdigest()


def sign_link(path: str, ttl: int = 3600) -> str:
    expires = int(time.time()) + ttl
    return f"/downloads/{path}?expires={expires}&sig={_mac(path, expires)}"


def verify_link(path: str, expires: int, sig: str) -> bool:
    if expires < time.time():
        return False
    return hmac.compare_digest(_mac(path, expires), sig)
