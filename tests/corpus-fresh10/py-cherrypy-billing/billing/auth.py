"""Authentication tools for the billing API.

Two CherryPy tools are registered here:

* ``auth_token`` checks the ``Authorization: Bearer`` header against the
  hashed service tokens in the ``api_tokens`` table.
* ``require_role`` checks the role recorded on the request by ``auth_token``.
"""
from __future__ import annotations

import hashlib
import hmac
import logging

import cherrypy

from billing.db import session_scope
from billing.models import ApiToken

log = logging.getLogger(__name__)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def check_token() -> None:
    header = cherrypy.request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise cherrypy.HTTPError(401, "missing bearer token")

    token_id, _, secret = token.partition(".")
    with session_scope() as session:
        row = session.get(ApiToken, token_id)
        if row is None or row.revoked:
            log.info("rejected unknown or revoked token id=%s", token_id)
            raise cherrypy.HTTPError(401, "invalid token")
        if not hmac.compare_digest(row.secret_hash, _hash(secret)):
            raise cherrypy.HTTPError(401, "invalid token")
        cherrypy.request.login = row.owner
        cherrypy.request.roles = set(row.roles or ())


def require_role(roles: tuple[str, ...] = ()) -> None:
    """Enable per mount with ``tools.require_role.roles = ("admin", ...)``."""
    granted = getattr(cherrypy.request, "roles", set())
    if not granted.intersection(roles):
        log.warning("user %s lacks one of %s", cherrypy.request.login, roles)
        raise cherrypy.HTTPError(403, "forbidden")


cherrypy.tools.auth_token = cherrypy.Tool("before_handler", check_token, priority=60)
cherrypy.tools.require_role = cherrypy.Tool("before_handler", require_role, priority=65)
