from __future__ import annotations

import hashlib
import hmac
import logging
from typing import Optional

from robyn import Request
from robyn.authentication import AuthenticationHandler, BearerGetter, Identity

from .settings import settings

log = logging.getLogger(__name__)


class StaffTokenHandler(AuthenticationHandler):
    """Authenticates staff API clients by static bearer token."""

    def authenticate(self, request: Request) -> Optional[Identity]:
        token = self.token_getter.get_token(request)
        if not token:
            return None
        for candidate in settings.api_tokens:
            if hmac.compare_digest(token.encode(), candidate.encode()):
                return Identity(claims={"sub": "staff", "token_id": candidate[:6]})
        log.info("rejected bearer token from %s", request.ip_addr)
        return None


def staff_auth() -> StaffTokenHandler:
    return StaffTokenHandler(token_getter=BearerGetter())


def verify_webhook(body: bytes, signature: str | None) -> bool:
    """Checks the `X-Calendar-Signature` header of calendar-sync callbacks."""
    if not signature or not settings.webhook_secret:
        return False
    expected = hmac.new(settings.webhook_secret.encode(), body, hashlib.sha256).hexdigest()
    return signature == expected
