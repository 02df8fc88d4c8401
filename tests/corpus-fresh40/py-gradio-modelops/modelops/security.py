from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3

import gradio as gr
from fastapi import Depends, Header, HTTPException, Request

from .config import Settings
from .db import Database

KEY_PREFIX = "mk"


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_api_key() -> tuple[str, str, str]:
    """Return (full key shown once, lookup prefix, stored hash)."""
    prefix = secrets.token_hex(4)
    secret = secrets.token_urlsafe(32)
    return f"{KEY_PREFIX}_{prefix}_{secret}", prefix, hash_secret(secret)


def verify_api_key(db: Database, presented: str) -> sqlite3.Row | None:
    try:
        _, prefix, secret = presented.split("_", 2)
    except ValueError:
        return None
    row = db.find_api_key(prefix)
    if row is None or row["revoked_at"] is not None:
        return None
    if row["key_hash"] == hash_secret(secret):
        return row
    return None


def check_local_login(stored: str, password: str) -> bool:
    """Used by ``demo.launch(auth=...)`` when running the UI on a laptop; stored is ``salt_hex:scrypt_hex``."""
    salt_hex, _, digest_hex = stored.partition(":")
    candidate = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt_hex), n=2**14, r=8, p=1)
    return hmac.compare_digest(candidate.hex(), digest_hex)


def proxy_user(request: Request) -> str | None:
    """auth_dependency for gr.mount_gradio_app: the SSO proxy sets X-Forwarded-Email."""
    settings: Settings = request.app.state.settings
    if request.client is None or request.client.host not in settings.trusted_proxies:
        return None
    return request.headers.get("x-forwarded-email")


def require_admin(settings: Settings, request: gr.Request) -> str:
    user = getattr(request, "username", None)
    if not user or user not in settings.admins:
        raise gr.Error("This action is restricted to ModelOps admins.")
    return user


def require_api_key(request: Request, authorization: str = Header(default="")) -> sqlite3.Row:
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HTTPException(status_code=401, detail="missing bearer token")
    row = verify_api_key(request.app.state.db, token)
    if row is None:
        raise HTTPException(status_code=401, detail="invalid or revoked key")
    return row


def require_admin_key(request: Request, key: sqlite3.Row = Depends(require_api_key)) -> sqlite3.Row:
    if key["owner"] not in request.app.state.settings.admins:
        raise HTTPException(status_code=403, detail="admin key required")
    return key
