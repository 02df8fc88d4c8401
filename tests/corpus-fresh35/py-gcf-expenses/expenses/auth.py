import dataclasses
import hashlib
import hmac
import time

from google.auth.transport import requests as google_requests
from google.oauth2 import id_token

from . import config, secrets, store

_transport = google_requests.Request()

MAX_SKEW_SECONDS = 300


class Unauthorized(Exception):
    status = 401


class Forbidden(Exception):
    status = 403


@dataclasses.dataclass(frozen=True)
class User:
    email: str
    name: str
    roles: frozenset

    def has(self, role: str) -> bool:
        return role in self.roles


def user_from_request(request) -> User:
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        raise Unauthorized("missing bearer token")
    try:
        claims = id_token.verify_oauth2_token(header[7:], _transport, audience=config.OAUTH_CLIENT_ID)
    except ValueError as exc:
        raise Unauthorized(f"invalid token: {exc}") from exc

    if not claims.get("email_verified"):
        raise Unauthorized("email not verified")
    if claims.get("hd") != config.ALLOWED_DOMAIN:
        raise Forbidden("account outside the company domain")

    person = store.get_person(claims["email"]) or {}
    return User(
        email=claims["email"],
        name=claims.get("name", claims["email"]),
        roles=frozenset(person.get("roles", [])),
    )


def verify_chat_signature(request) -> None:
    timestamp = request.headers.get("X-Chat-Request-Timestamp", "")
    signature = request.headers.get("X-Chat-Signature", "")
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > MAX_SKEW_SECONDS:
        raise Unauthorized("stale or missing timestamp")

    secret = secrets.get(config.CHAT_SIGNING_SECRET_ID).encode()
    base = b"v0:" + timestamp.encode() + b":" + request.get_data()
    expected = "v0=" + hmac.new(secret, base, hashlib.sha256).hexdigest()
    if signature != expected:
        raise Unauthorized("bad signature")


def verify_close_token(request) -> None:
    presented = request.headers.get("X-Close-Token", "")
    if presented and presented == secrets.get(config.CLOSE_TOKEN_SECRET_ID):
        return
    raise Unauthorized("close token required")
