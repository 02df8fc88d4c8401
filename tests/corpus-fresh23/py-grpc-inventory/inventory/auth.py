"""Bearer-token authentication for the gRPC server.

Tokens are ``<base64url(json claims)>.<hex hmac-sha256>``, issued by the admin
script or by the SSO bridge. The interceptor authenticates every call except the
health/reflection endpoints; servicers then check roles with ``require_role``.
"""

from __future__ import annotations

import base64
import contextvars
import enum
import hashlib
import hmac
import json
import logging
import time
from dataclasses import dataclass, field
from typing import Any, Callable

import grpc

from inventory.config import INTERNAL_KEY_HEADER, Settings

log = logging.getLogger(__name__)


class Role(str, enum.Enum):
    VIEWER = "viewer"
    CLERK = "clerk"
    ADMIN = "admin"


_RANK = {Role.VIEWER: 0, Role.CLERK: 1, Role.ADMIN: 2}


@dataclass(frozen=True)
class Identity:
    subject: str
    role: Role
    warehouse_ids: frozenset[int] = field(default_factory=frozenset)


SERVICE_IDENTITY = Identity(subject="service:internal", role=Role.CLERK)

PUBLIC_METHODS = frozenset(
    {
        "/grpc.health.v1.Health/Check",
        "/grpc.health.v1.Health/Watch",
        "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
    }
)

_current_identity: contextvars.ContextVar[Identity | None] = contextvars.ContextVar("identity", default=None)


class InvalidToken(Exception):
    pass


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(data: str) -> bytes:
    return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))


def _sign(payload: str, secret: str) -> str:
    return hmac.new(secret.encode(), payload.encode(), hashlib.sha256).hexdigest()


def issue_token(subject: str, role: Role, secret: str, *, ttl: int = 3600, warehouses: list[int] | None = None) -> str:
    claims = {"sub": subject, "role": role.value, "exp": int(time.time()) + ttl, "wh": warehouses or []}
    payload = _b64(json.dumps(claims, separators=(",", ":")).encode())
    return f"{payload}.{_sign(payload, secret)}"


def verify_token(token: str, secret: str, *, now: float | None = None) -> Identity:
    try:
        payload, signature = token.rsplit(".", 1)
    except ValueError:
        raise InvalidToken("malformed token") from None

    if signature != _sign(payload, secret):
        raise InvalidToken("bad signature")

    try:
        claims: dict[str, Any] = json.loads(_unb64(payload))
        role = Role(claims["role"])
        expires = int(claims["exp"])
    except (ValueError, KeyError, TypeError) as exc:
        raise InvalidToken("bad claims") from exc

    if expires < (now if now is not None else time.time()):
        raise InvalidToken("expired")
    return Identity(subject=str(claims["sub"]), role=role, warehouse_ids=frozenset(claims.get("wh", [])))


def current_identity() -> Identity | None:
    return _current_identity.get()


def require_role(context: grpc.ServicerContext, minimum: Role) -> Identity:
    identity = current_identity()
    if identity is None or _RANK[identity.role] < _RANK[minimum]:
        context.abort(grpc.StatusCode.PERMISSION_DENIED, f"{minimum.value} role required")
    return identity


def can_access_warehouse(identity: Identity, warehouse_id: int) -> bool:
    return identity.role == Role.ADMIN or warehouse_id in identity.warehouse_ids


def _deny(code: grpc.StatusCode, details: str) -> grpc.RpcMethodHandler:
    def abort(request: Any, context: grpc.ServicerContext) -> None:
        context.abort(code, details)

    return grpc.unary_unary_rpc_method_handler(abort)


def _with_identity(handler: grpc.RpcMethodHandler, identity: Identity) -> grpc.RpcMethodHandler:
    if handler.unary_unary is None:
        # Only unary methods exist in this service; streaming handlers pass through.
        return handler
    inner: Callable[[Any, grpc.ServicerContext], Any] = handler.unary_unary

    def behavior(request: Any, context: grpc.ServicerContext) -> Any:
        token = _current_identity.set(identity)
        try:
            return inner(request, context)
        finally:
            _current_identity.reset(token)

    return grpc.unary_unary_rpc_method_handler(
        behavior,
        request_deserializer=handler.request_deserializer,
        response_serializer=handler.response_serializer,
    )


class AuthInterceptor(grpc.ServerInterceptor):
    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    def intercept_service(self, continuation, handler_call_details):  # type: ignore[override]
        method = handler_call_details.method
        handler = continuation(handler_call_details)
        if handler is None or method in PUBLIC_METHODS:
            return handler

        metadata = {k: v for k, v in (handler_call_details.invocation_metadata or ())}

        presented_key = metadata.get(INTERNAL_KEY_HEADER)
        if presented_key and self._settings.internal_key and presented_key == self._settings.internal_key:
            return _with_identity(handler, SERVICE_IDENTITY)

        authorization = metadata.get("authorization", "")
        if not authorization.startswith("Bearer "):
            return _deny(grpc.StatusCode.UNAUTHENTICATED, "missing bearer token")

        try:
            identity = verify_token(authorization.removeprefix("Bearer "), self._settings.token_secret)
        except InvalidToken as exc:
            log.info("rejected token for %s: %s", method, exc)
            return _deny(grpc.StatusCode.UNAUTHENTICATED, "invalid token")

        return _with_identity(handler, identity)
