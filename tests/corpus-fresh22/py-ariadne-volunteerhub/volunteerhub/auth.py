"""Request authentication and resolver permission checks."""

import functools
import hashlib
import hmac
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import bcrypt
import jwt
from graphql import GraphQLError
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request

from volunteerhub.db import database
from volunteerhub.settings import settings

log = logging.getLogger(__name__)

ROLE_ORDER = {"VOLUNTEER": 0, "COORDINATOR": 1, "ADMIN": 2}


@dataclass(frozen=True)
class CurrentUser:
    id: int
    email: str
    role: str
    org_id: int


def issue_token(user_id: int) -> str:
    now = datetime.now(timezone.utc)
    payload = {"sub": str(user_id), "iat": now, "exp": now + timedelta(minutes=settings.jwt_ttl_minutes)}
    return jwt.encode(payload, settings.jwt_secret, algorithm=settings.jwt_algorithm)


def verify_password(plain: str, hashed: str) -> bool:
    return bcrypt.checkpw(plain.encode(), hashed.encode())


def unsubscribe_token(volunteer_id: int) -> str:
    return hmac.new(settings.unsubscribe_secret.encode(), str(volunteer_id).encode(), hashlib.sha256).hexdigest()


def check_unsubscribe_token(volunteer_id: int, token: str) -> bool:
    return hmac.compare_digest(unsubscribe_token(volunteer_id), token)


def is_kiosk(request: Request) -> bool:
    key = request.headers.get("x-kiosk-key")
    return bool(settings.kiosk_key) and key == settings.kiosk_key


async def _load_user(user_id: int) -> CurrentUser | None:
    row = await database.fetch_one(
        "SELECT id, email, role, org_id FROM volunteers WHERE id = :id AND active", {"id": user_id}
    )
    return CurrentUser(**dict(row._mapping)) if row else None


class AuthMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next):
        request.state.user = None
        request.state.kiosk = is_kiosk(request)
        header = request.headers.get("authorization", "")
        if header.startswith("Bearer "):
            try:
                claims = jwt.decode(header[7:], settings.jwt_secret, algorithms=[settings.jwt_algorithm])
                request.state.user = await _load_user(int(claims["sub"]))
            except jwt.InvalidTokenError as exc:
                log.info("rejected bearer token: %s", exc)
        return await call_next(request)


def requires_role(minimum: str = "VOLUNTEER"):
    def decorator(resolver):
        @functools.wraps(resolver)
        async def wrapper(obj, info, **kwargs):
            user: CurrentUser | None = info.context["request"].state.user
            if user is None:
                raise GraphQLError("Authentication required", extensions={"code": "UNAUTHENTICATED"})
            if ROLE_ORDER[user.role] < ROLE_ORDER[minimum]:
                raise GraphQLError("Not allowed", extensions={"code": "FORBIDDEN"})
            return await resolver(obj, info, **kwargs)

        return wrapper

    return decorator
