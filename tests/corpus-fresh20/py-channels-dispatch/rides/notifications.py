import logging
import ssl
import time
from functools import lru_cache
from pathlib import Path

import httpx
import jwt
from django.conf import settings

logger = logging.getLogger(__name__)


def _ssl_context() -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    ctx.check_hostname = True
    ctx.verify_mode = ssl.CERT_REQUIRED
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


@lru_cache(maxsize=1)
def _signing_key() -> str:
    return Path(settings.APNS["key_file"]).read_text()


_token_cache: dict[str, tuple[str, float]] = {}


def provider_token() -> str:
    cached = _token_cache.get("apns")
    if cached and cached[1] > time.time():
        return cached[0]
    token = jwt.encode(
        {"iss": settings.APNS["team_id"], "iat": int(time.time())},
        _signing_key(),
        algorithm="ES256",
        headers={"kid": settings.APNS["key_id"]},
    )
    _token_cache["apns"] = (token, time.time() + 50 * 60)
    return token


async def send_push(device_token: str, title: str, body: str, *, collapse_id: str | None = None) -> bool:
    headers = {
        "authorization": f"bearer {provider_token()}",
        "apns-topic": settings.APNS["topic"],
        "apns-push-type": "alert",
    }
    if collapse_id:
        headers["apns-collapse-id"] = collapse_id

    async with httpx.AsyncClient(http2=True, verify=_ssl_context(), timeout=5.0) as client:
        response = await client.post(
            f"{settings.APNS['host']}/3/device/{device_token}",
            json={"aps": {"alert": {"title": title, "body": body}, "sound": "default"}},
            headers=headers,
        )

    if response.status_code == 410:
        logger.info("APNs token %s is no longer valid", device_token[:8])
        return False
    response.raise_for_status()
    return True
