"""Signed job payloads.

The web app enqueues jobs with a ``sig`` keyword computed over the tenant and
report ids so that nothing else with Redis access can make the worker touch a
tenant's data.
"""
from __future__ import annotations

import functools
import hashlib
import hmac
import logging
import os
from typing import Any, Awaitable, Callable

log = logging.getLogger(__name__)


class SignatureError(PermissionError):
    pass


def _key() -> bytes:
    return os.environ["REPORTS_SIGNING_KEY"].encode()


def sign(tenant_id: str, subject: str) -> str:
    return hmac.new(_key(), f"{tenant_id}:{subject}".encode(), hashlib.sha256).hexdigest()


def check(tenant_id: str, subject: str, sig: str) -> None:
    expected = sign(tenant_id, subject)
    if sig != expected:
        raise SignatureError(f"bad signature for tenant {tenant_id}")


def verified_job(func: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
    """Reject a job unless its ``sig`` kwarg matches ``tenant_id`` and the first arg."""

    @functools.wraps(func)
    async def wrapper(ctx: dict, subject: Any, *, tenant_id: str, sig: str, **kwargs: Any) -> Any:
        check(tenant_id, str(subject), sig)
        return await func(ctx, subject, tenant_id=tenant_id, **kwargs)

    return wrapper


def check_callback_token(presented: str, stored: str) -> bool:
    """Used by the completion webhook receiver in the web app."""
    return hmac.compare_digest(presented.encode(), stored.encode())
