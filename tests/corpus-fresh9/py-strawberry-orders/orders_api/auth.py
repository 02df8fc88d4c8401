from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import jwt
from strawberry.permission import BasePermission
from strawberry.types import Info

from .settings import settings

log = logging.getLogger(__name__)


@dataclass
class Principal:
    user_id: str
    roles: frozenset[str]

    @property
    def is_staff(self) -> bool:
        return "staff" in self.roles


class PublicKey:
    @cached_property
    def pem(self) -> str:
        with open(settings.jwt_public_key_file, encoding="utf-8") as fh:
            return fh.read()


_key = PublicKey()


def principal_from_header(header: str | None) -> Principal | None:
    if not header or not header.lower().startswith("bearer "):
        return None
    token = header[7:]
    try:
        claims = jwt.decode(token, _key.pem, algorithms=["RS256"], audience="orders-api")
    except jwt.PyJWTError as exc:
        log.info("rejected token: %s", exc)
        return None
    return Principal(user_id=claims["sub"], roles=frozenset(claims.get("roles", [])))


class IsAuthenticated(BasePermission):
    message = "Authentication required"

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return info.context["principal"] is not None


class IsStaff(BasePermission):
    message = "Staff only"

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        principal: Principal | None = info.context["principal"]
        return principal is not None and principal.is_staff
