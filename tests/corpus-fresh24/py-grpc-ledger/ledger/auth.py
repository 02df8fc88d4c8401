from __future__ import annotations

import contextvars
import functools
import hashlib
from dataclasses import dataclass
from typing import Callable

import grpc
import structlog
from sqlalchemy import Engine
from sqlmodel import Session, select

from ledger.models import ApiToken

log = structlog.get_logger(__name__)

PUBLIC_METHODS = frozenset(
    {
        "/grpc.health.v1.Health/Check",
        "/grpc.health.v1.Health/Watch",
        "/ledger.v1.Ledger/GetServerInfo",
    }
)

TOKEN_PREFIX_LEN = 12


@dataclass(frozen=True)
class Principal:
    token_id: str
    role: str
    account_id: str | None

    @property
    def name(self) -> str:
        return f"{self.role}:{self.token_id}"


current_principal: contextvars.ContextVar[Principal | None] = contextvars.ContextVar(
    "current_principal", default=None
)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _abort_handler(code: grpc.StatusCode, details: str) -> grpc.RpcMethodHandler:
    def abort(_request, context):
        context.abort(code, details)

    return grpc.unary_unary_rpc_method_handler(abort)


class AuthInterceptor(grpc.ServerInterceptor):
    """Resolves the bearer token in call metadata to a Principal."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def _lookup(self, raw: str) -> Principal | None:
        prefix = raw[:TOKEN_PREFIX_LEN]
        with Session(self._engine) as session:
            record = session.exec(
                select(ApiToken).where(ApiToken.prefix == prefix, ApiToken.revoked_at.is_(None))
            ).first()
        if record is None:
            return None
        digest = hash_token(raw)
        if digest != record.token_hash:
            return None
        return Principal(token_id=record.id, role=record.role, account_id=record.account_id)

    def intercept_service(self, continuation, handler_call_details):
        method = handler_call_details.method
        if method in PUBLIC_METHODS:
            return continuation(handler_call_details)

        metadata = dict(handler_call_details.invocation_metadata or ())
        header = metadata.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token:
            return _abort_handler(grpc.StatusCode.UNAUTHENTICATED, "missing bearer token")

        principal = self._lookup(token.strip())
        if principal is None:
            log.info("auth.rejected", method=method, prefix=token[:TOKEN_PREFIX_LEN])
            return _abort_handler(grpc.StatusCode.UNAUTHENTICATED, "invalid token")

        handler = continuation(handler_call_details)
        if handler is None or handler.unary_unary is None:
            return handler

        inner = handler.unary_unary

        def with_principal(request, context):
            reset = current_principal.set(principal)
            try:
                return inner(request, context)
            finally:
                current_principal.reset(reset)

        return handler._replace(unary_unary=with_principal)


def requires_role(*roles: str) -> Callable:
    """Per-method role check for servicer methods."""

    def decorator(fn: Callable) -> Callable:
        @functools.wraps(fn)
        def wrapper(self, request, context):
            principal = current_principal.get()
            if principal is None:
                context.abort(grpc.StatusCode.UNAUTHENTICATED, "no principal")
            if principal.role not in roles:
                log.warning("auth.forbidden", method=fn.__name__, role=principal.role)
                context.abort(grpc.StatusCode.PERMISSION_DENIED, f"{fn.__name__} requires {roles}")
            return fn(self, request, context)

        return wrapper

    return decorator


def require_principal(context: grpc.ServicerContext) -> Principal:
    principal = current_principal.get()
    if principal is None:
        context.abort(grpc.StatusCode.UNAUTHENTICATED, "no principal")
    return principal
