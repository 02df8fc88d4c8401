from __future__ import annotations

from unittest.mock import AsyncMock

from blacksheep import Request, text

from notes_api.middleware import audit_middleware, request_id_middleware


async def test_request_id_is_echoed():
    async def handler(request: Request):
        return text("ok")

    response = await request_id_middleware(Request("GET", b"/health", [(b"X-Request-ID", b"abc123")]), handler)
    assert response.get_first_header(b"X-Request-ID") == b"abc123"


async def test_audit_is_written_for_mutations():
    audit = AsyncMock()
    mw = audit_middleware(audit)

    async def handler(request: Request):
        return text("created", status=201)

    request = Request("POST", b"/api/notes", [])
    request.identity = None
    await mw(request, handler)
    audit.write.assert_awaited_once()
