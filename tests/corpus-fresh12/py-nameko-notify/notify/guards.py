"""Guards for RPC entrypoints.

Nameko has no built-in auth, so callers pass a service token in the RPC
context data (``call_id_stack`` is not trusted). Entrypoints opt in with
``@requires_service_token``.
"""
from __future__ import annotations

import functools
import hmac
import logging

log = logging.getLogger(__name__)


class Forbidden(Exception):
    pass


def _valid(presented: str | None, allowed: list[str]) -> bool:
    if not presented:
        return False
    return any(hmac.compare_digest(presented.encode(), token.encode()) for token in allowed)


def requires_service_token(method):
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        presented = self.context_data.get("service_token")
        allowed = [t for t in self.config.get("SERVICE_TOKENS", "").split(",") if t]
        if not _valid(presented, allowed):
            log.warning("rejected %s: missing or invalid service token", method.__name__)
            raise Forbidden(method.__name__)
        return method(self, *args, **kwargs)

    return wrapper
