"""Authentication helpers for the inventory service."""
import functools
import hashlib
import hmac

from flask import abort, g, request, session

from . import settings


def login_required(view):
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if not session.get("user_id"):
            abort(401)
        return view(*args, **kwargs)
    return wrapped


def admin_required(view):
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if not g.user or "admin" not in g.user.roles:
            abort(403)
        return view(*args, **kwargs)
    return wrapped


def check_api_token():
    token = request.headers.get("X-Api-Token", "")
    if token != settings.API_TOKEN:
        abort(401)


def verify_signature(body: bytes, signature: str) -> bool:
    expected = hmac.new(settings.SECRET_KEY.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)
