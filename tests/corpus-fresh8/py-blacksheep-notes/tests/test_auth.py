from __future__ import annotations

import time

import pytest
from blacksheep import Request, text

from notes_api import auth
from notes_api.services.storage import FilesystemStore


async def test_jwt_handler_accepts_valid_token(settings, make_token):
    handler = auth.JWTBearerHandler(settings)
    request = Request("GET", b"/api/notes", [(b"Authorization", f"Bearer {make_token()}".encode())])
    identity = await handler.authenticate(request)
    assert identity is not None
    assert identity.claims["sub"] == "user-1"


async def test_jwt_handler_rejects_garbage(settings):
    handler = auth.JWTBearerHandler(settings)
    request = Request("GET", b"/api/notes", [(b"Authorization", b"Bearer not-a-jwt")])
    assert await handler.authenticate(request) is None


async def test_metrics_middleware_blocks_without_token(settings):
    mw = auth.metrics_token_middleware(settings)

    async def downstream(_request: Request):
        return text("metrics")

    response = await mw(Request("GET", b"/metrics", []), downstream)
    assert response.status == 403


def test_share_link_roundtrip(settings):
    expires = int(time.time()) + 600
    sig = auth.sign_share_link(settings, "note-1", expires)
    auth.verify_share_link(settings, "note-1", expires, sig)


async def test_store_rejects_path_traversal(tmp_path):
    store = FilesystemStore(str(tmp_path))
    with pytest.raises(ValueError):
        await store.put("../../etc/passwd", b"x")
