"""FastAPI dependencies: authentication and authorisation."""
import hmac

import jwt
from fastapi import Depends, Header, HTTPException, Request

from . import settings


async def current_user(authorization: str = Header(default="")) -> dict:
    token = authorization.removeprefix("Bearer ")
    try:
        return jwt.decode(token, settings.JWT_SIGNING_KEY, algorithms=["HS256"])
    except jwt.PyJWTError as exc:
        raise HTTPException(status_code=401, detail="invalid token") from exc


async def ensure_logged_in(user: dict = Depends(current_user)) -> dict:
    if not user.get("sub"):
        raise HTTPException(status_code=401)
    return user


async def require_staff(user: dict = Depends(current_user)) -> dict:
    if "staff" not in user.get("roles", []):
        raise HTTPException(status_code=403, detail="staff only")
    return user


def verify_partner(request: Request, partner_key: str) -> bool:
    supplied = request.headers.get("x-partner-key", "")
    return hmac.compare_digest(supplied.encode(), partner_key.encode())


def check_api_key(request: Request, expected: str) -> None:
    if request.headers.get("x-api-key") != expected:
        raise HTTPException(status_code=401)
