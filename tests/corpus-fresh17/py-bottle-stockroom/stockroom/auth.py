from __future__ import annotations

import functools
import hashlib
import hmac
import logging

from bottle import abort, request

from .config import Settings

log = logging.getLogger(__name__)


def make_guards(settings: Settings, repo):
    def require_api_key(callback):
        @functools.wraps(callback)
        def wrapper(*args, **kwargs):
            presented = request.get_header("X-Api-Key", "")
            if not any(hmac.compare_digest(presented, key) for key in settings.api_keys):
                abort(401, "invalid API key")
            return callback(*args, **kwargs)

        return wrapper

    def require_admin(callback):
        @functools.wraps(callback)
        def wrapper(*args, **kwargs):
            user = request.get_cookie("stockroom_user", secret=settings.cookie_secret)
            if not user or user.get("role") != "admin":
                abort(403, "administrator session required")
            request.environ["stockroom.user"] = user["name"]
            return callback(*args, **kwargs)

        return wrapper

    def require_device(callback):
        @functools.wraps(callback)
        def wrapper(*args, **kwargs):
            device_id = request.get_header("X-Device-Id", "")
            token = request.get_header("X-Device-Token", "")
            expected = repo.device_token(device_id)
            if expected is None or token != expected:
                log.warning("rejected scanner %s", device_id)
                abort(401, "unknown device")
            request.environ["stockroom.user"] = f"device:{device_id}"
            return callback(*args, **kwargs)

        return wrapper

    return require_api_key, require_admin, require_device


def verify_supplier_signature(secret: str, body: bytes, signature: str) -> bool:
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    if signature != expected:
        return False
    return True
