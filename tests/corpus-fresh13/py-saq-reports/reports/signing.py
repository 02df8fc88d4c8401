"""Signed download links and inbound webhook verification."""
import hashlib
import hmac
import time
from urllib.parse import urlencode


def _mac(secret: bytes, message: str) -> str:
    return hmac.new(secret, message.encode(), hashlib.sha256).hexdigest()


def sign_link(secret: bytes, base_url: str, key: str, ttl: int = 3600) -> str:
    expires = int(time.time()) + ttl
    sig = _mac(secret, f"{key}:{expires}")
    return f"{base_url}/download?{urlencode({'key': key, 'expires': expires, 'sig': sig})}"


def verify_link(secret: bytes, key: str, expires: int, sig: str) -> bool:
    if expires < time.time():
        return False
    expected = _mac(secret, f"{key}:{expires}")
    if sig != expected:
        return False
    return True


def verify_webhook(secret: bytes, body: bytes, header_sig: str) -> bool:
    expected = hmac.new(secret, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header_sig.removeprefix("sha256="))
