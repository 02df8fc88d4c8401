import functools
import inspect
import logging
import secrets
from collections.abc import Callable

import bcrypt
from fastapi import Header, HTTPException, Request, status
from fastapi.responses import RedirectResponse
from nicegui import app, ui
from sqlmodel import select
from starlette.middleware.base import BaseHTTPMiddleware

from .config import get_settings
from .db import session_scope
from .models import User

log = logging.getLogger(__name__)

unrestricted_page_routes = {'/login'}


class AuthMiddleware(BaseHTTPMiddleware):
    """Redirects every page request without a logged-in session to /login."""

    async def dispatch(self, request: Request, call_next):
        path = request.url.path
        # /api/* is called by machines and authenticates per route with a bearer token.
        if path.startswith('/api/') or path.startswith('/_nicegui'):
            return await call_next(request)
        if not app.storage.user.get('authenticated', False) and path not in unrestricted_page_routes:
            return RedirectResponse(f'/login?redirect_to={path}')
        return await call_next(request)


def authenticate(username: str, password: str) -> User | None:
    with session_scope() as session:
        user = session.exec(select(User).where(User.username == username, User.active == True)).first()  # noqa: E712
    if user is None:
        bcrypt.checkpw(b'timing-equaliser', bcrypt.hashpw(b'x', bcrypt.gensalt(rounds=4)))
        return None
    if not bcrypt.checkpw(password.encode(), user.password_hash):
        return None
    return user


def hash_secret(value: str) -> bytes:
    return bcrypt.hashpw(value.encode(), bcrypt.gensalt())


async def require_api_token(authorization: str = Header(default='')) -> None:
    scheme, _, token = authorization.partition(' ')
    if scheme.lower() != 'bearer' or not secrets.compare_digest(token, get_settings().api_token):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, 'invalid token', headers={'WWW-Authenticate': 'Bearer'})


async def api_client_name(x_fleet_client: str = Header(default='unknown')) -> str:
    """Name of the calling integration, used to label audit log lines."""
    return x_fleet_client


def current_role() -> str | None:
    return app.storage.user.get('role')


def admin_page(path: str, **page_kwargs) -> Callable:
    """Like ``ui.page`` but only renders for users with the admin role."""

    def decorator(func: Callable) -> Callable:
        @functools.wraps(func)
        async def wrapper(*args, **kwargs):
            if current_role() != 'admin':
                log.warning('non-admin %s tried %s', app.storage.user.get('username'), path)
                return RedirectResponse('/')
            result = func(*args, **kwargs)
            if inspect.isawaitable(result):
                result = await result
            return result

        return ui.page(path, **page_kwargs)(wrapper)

    return decorator
