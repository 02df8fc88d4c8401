import functools
import hashlib
import hmac
import json
import logging
from typing import Any, Callable

from itsdangerous import BadSignature, URLSafeTimedSerializer

log = logging.getLogger(__name__)

SESSION_MAX_AGE = 8 * 3600


class Sessions:
    def __init__(self, secret: str) -> None:
        self._serializer = URLSafeTimedSerializer(secret, salt="desk-session")

    def issue(self, member_id: int, role: str) -> str:
        return self._serializer.dumps({"member_id": member_id, "role": role})

    def read(self, token: str) -> dict[str, Any] | None:
        try:
            return self._serializer.loads(token, max_age=SESSION_MAX_AGE)
        except BadSignature:
            log.info("rejected session token")
            return None


def _deny(request, code: int, message: str) -> bytes:
    request.setResponseCode(code)
    request.setHeader(b"Content-Type", b"application/json")
    return json.dumps({"error": message}).encode()


def require_login(handler: Callable) -> Callable:
    @functools.wraps(handler)
    def wrapper(self, request, *args, **kwargs):
        raw = request.getHeader(b"authorization") or b""
        token = raw.decode().removeprefix("Bearer ").strip()
        session = self.sessions.read(token) if token else None
        if session is None:
            return _deny(request, 401, "login required")
        request.session_data = session
        return handler(self, request, *args, **kwargs)

    return wrapper


def require_librarian(handler: Callable) -> Callable:
    @functools.wraps(handler)
    @require_login
    def wrapper(self, request, *args, **kwargs):
        if request.session_data.get("role") != "librarian":
            return _deny(request, 403, "librarian role required")
        return handler(self, request, *args, **kwargs)

    return wrapper


def verify_payment_signature(secret: str, body: bytes, header: str) -> bool:
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header)


def verify_legacy_kiosk(secret: str, kiosk_id: str, signature: str) -> bool:
    digest = hashlib.sha1(f"{kiosk_id}:{secret}".encode()).hexdigest()
    return digest == signature
