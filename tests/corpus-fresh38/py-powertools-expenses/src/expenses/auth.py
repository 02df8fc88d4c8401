"""Caller identity as passed on by the Lambda authorizer."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Callable

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.exceptions import ServiceError, UnauthorizedError
from aws_lambda_powertools.event_handler.middlewares import NextMiddleware


@dataclass(frozen=True)
class Caller:
    employee_id: str
    email: str
    roles: frozenset[str]
    cost_center: str

    def has_any(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))


def caller_from(resolver: Any) -> Caller:
    authorizer = resolver.current_event.request_context.authorizer
    employee_id = authorizer.get("employeeId")
    if not employee_id:
        raise UnauthorizedError("no authenticated principal")
    roles = frozenset(r for r in (authorizer.get("roles") or "").split(",") if r)
    return Caller(
        employee_id=employee_id,
        email=authorizer.get("email") or "",
        roles=roles,
        cost_center=authorizer.get("costCenter") or "",
    )


def require_role(*roles: str) -> Callable:
    """Route decorator: the caller must hold one of ``roles``."""

    def decorator(func: Callable) -> Callable:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            from expenses.app import app

            caller = caller_from(app)
            if not caller.has_any(*roles):
                raise ServiceError(403, f"requires one of: {', '.join(roles)}")
            return func(*args, **kwargs)

        return wrapper

    return decorator


def finance_only(app: APIGatewayRestResolver, next_middleware: NextMiddleware) -> Response:
    caller = caller_from(app)
    if not caller.has_any("finance"):
        raise ServiceError(403, "finance role required")
    return next_middleware(app)
