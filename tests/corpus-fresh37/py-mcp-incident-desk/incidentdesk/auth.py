import logging
import time

import httpx
from mcp.server.auth.middleware.auth_context import get_access_token
from mcp.server.auth.provider import AccessToken, TokenVerifier
from mcp.server.fastmcp.exceptions import ToolError

from incidentdesk.config import Settings

logger = logging.getLogger("incidentdesk.auth")

READ = "incidents:read"
WRITE = "incidents:write"
PAGE = "oncall:page"

AUTOMATION_SCOPES = [READ, WRITE]


class IntrospectionTokenVerifier(TokenVerifier):
    """Validates bearer tokens with the internal authorization server (RFC 7662).

    Automation clients (the deploy bot, the status-page sync) use long-lived
    tokens configured in DESK_AUTOMATION_TOKENS instead.
    """

    def __init__(self, settings: Settings, client: httpx.AsyncClient | None = None) -> None:
        self._settings = settings
        self._client = client or httpx.AsyncClient(
            timeout=5.0,
            verify=settings.internal_ca_bundle or True,
        )

    async def verify_token(self, token: str) -> AccessToken | None:
        for name, value in self._settings.automation_tokens.items():
            if token == value:
                return AccessToken(
                    token=token,
                    client_id=f"automation:{name}",
                    scopes=list(AUTOMATION_SCOPES),
                    expires_at=None,
                )

        try:
            response = await self._client.post(
                self._settings.introspection_url,
                data={"token": token, "token_type_hint": "access_token"},
                auth=(
                    self._settings.introspection_client_id,
                    self._settings.introspection_client_secret,
                ),
            )
            response.raise_for_status()
        except httpx.HTTPError as exc:
            logger.warning("token introspection failed: %s", exc)
            return None

        data = response.json()
        if not data.get("active"):
            return None
        expires_at = data.get("exp")
        if expires_at is not None and expires_at < time.time():
            return None
        audience = data.get("aud", [])
        if isinstance(audience, str):
            audience = [audience]
        if self._settings.public_url not in audience:
            logger.info("token for client %s has the wrong audience", data.get("client_id"))
            return None
        return AccessToken(
            token=token,
            client_id=data.get("client_id", "unknown"),
            scopes=data.get("scope", "").split(),
            expires_at=expires_at,
            resource=self._settings.public_url,
        )


def current_token() -> AccessToken:
    token = get_access_token()
    if token is None:
        raise ToolError("this tool requires an authenticated session")
    return token


def require_scope(scope: str) -> AccessToken:
    token = current_token()
    if scope not in token.scopes:
        raise ToolError(f"missing scope {scope}")
    return token


def actor(token: AccessToken) -> str:
    return token.client_id
