"""Authentication helpers for the inventory API."""
from __future__ import annotations

import hmac
from functools import wraps
from typing import Callable, TypeVar

from flask import abort, current_app, g, request, session

F = TypeVar("F", bound=Callable)


def require_internal_token() -> None:
    """before_request hook for the /internal blueprint (service-to-service calls)."""
    presented = request.headers.get("X-Internal-Token", "")
    if not presented:
        abort(401)
    allowed = current_app.config["SETTINGS"].internal_tokens
    if not any(hmac.compare_digest(presented, tok) for tok in allowed):
        abort(401)
    g.principal = {"kind": "service", "roles": {"internal"}}


def login_required(view: F) -> F:
    """Require a logged-in warehouse user (session cookie from the SSO bridge)."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        user = session.get("user")
        if user is None:
            abort(401)
        g.principal = {"kind": "user", "id": user["id"], "roles": set(user.get("roles", ()))}
        return view(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def admin_required(view: F) -> F:
    """Only allow users with the ``inventory-admin`` role.

    Must be stacked *under* ``login_required`` so ``g.principal`` is populated.
    """

    @wraps(view)
    def wrapper(*args, **kwargs):
        principal = getattr(g, "principal", None)
        if principal is None:
            abort(401)
        if "inventory-admin" not in principal["roles"]:
            abort(403)
        return view(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def current_user_id() -> str | None:
    principal = getattr(g, "principal", None)
    return principal.get("id") if principal else None
