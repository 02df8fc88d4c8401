"""Password, OTP and session-token helpers for staff users."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from dataclasses import dataclass

from .config import get_settings


@dataclass
class StaffUser:
    id: int
    email: str
    roles: tuple[str, ...]
    password_hash: str  # "<salt>$<hex digest>"
    otp_secret: str | None = None


def hash_password(password: str, salt: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), 240_000).hex()


def check_password(user: StaffUser, password: str) -> bool:
    salt, _, stored = user.password_hash.partition("$")
    return hash_password(password, salt) == stored


def check_otp(expected_code: str, submitted: str) -> bool:
    return hmac.compare_digest(expected_code.encode(), submitted.strip().encode())


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(data: str) -> bytes:
    return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))


def _sign(message: str) -> str:
    key = get_settings().jwt_secret.encode()
    return _b64(hmac.new(key, message.encode(), hashlib.sha256).digest())


def issue_token(user: StaffUser, now: float | None = None) -> str:
    settings = get_settings()
    now = time.time() if now is None else now
    header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    payload = _b64(
        json.dumps(
            {
                "sub": str(user.id),
                "email": user.email,
                "roles": list(user.roles),
                "iss": settings.jwt_issuer,
                "exp": int(now + settings.token_ttl_seconds),
            }
        ).encode()
    )
    return f"{header}.{payload}.{_sign(f'{header}.{payload}')}"


def decode_token(token: str) -> dict:
    header, payload, sig = token.split(".")
    if not hmac.compare_digest(_sign(f"{header}.{payload}"), sig):
        raise PermissionError("bad token signature")
    claims = json.loads(_unb64(payload))
    if claims.get("exp", 0) < time.time():
        raise PermissionError("token expired")
    return claims
