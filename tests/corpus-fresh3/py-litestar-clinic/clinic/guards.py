from __future__ import annotations

from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler

from .security import decode_token


def _claims(connection: ASGIConnection) -> dict:
    auth = connection.headers.get("authorization", "")
    if not auth.lower().startswith("bearer "):
        raise NotAuthorizedException("missing bearer token")
    try:
        return decode_token(auth[7:])
    except (PermissionError, ValueError, KeyError) as exc:
        raise NotAuthorizedException(str(exc)) from exc


def requires_staff(connection: ASGIConnection, _: BaseRouteHandler) -> None:
    claims = _claims(connection)
    if "staff" not in claims.get("roles", []):
        raise PermissionDeniedException("staff only")
    connection.state.claims = claims


def requires_admin(connection: ASGIConnection, _: BaseRouteHandler) -> None:
    claims = _claims(connection)
    if "admin" not in claims.get("roles", []):
        raise PermissionDeniedException("admin only")
    connection.state.claims = claims
