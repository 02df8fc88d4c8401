import pytest
from aiohttp import web
from aiohttp.test_utils import make_mocked_request

from ingest.auth import match_tenant, require_admin
from ingest.config import Settings


@pytest.fixture
def settings():
    return Settings(tenant_tokens={"acme": "tok-a", "ops": "tok-o"})


@pytest.mark.parametrize(
    ("presented", "expected"),
    [("tok-a", "acme"), ("tok-o", "ops"), ("tok-x", None), ("", None)],
)
def test_match_tenant(settings, presented, expected):
    assert match_tenant(settings, presented) == expected


async def test_require_admin_guard_blocks_regular_tenant(settings):
    @require_admin
    async def handler(request):
        return web.Response(text="ok")

    app = web.Application()
    app["settings"] = settings
    req = make_mocked_request("POST", "/v1/admin/replay", app=app)
    req["tenant"] = "acme"
    with pytest.raises(web.HTTPForbidden):
        await handler(req)


async def test_require_admin_allows_ops(settings):
    @require_admin
    async def handler(request):
        return web.Response(text="ok")

    app = web.Application()
    app["settings"] = settings
    req = make_mocked_request("POST", "/v1/admin/replay", app=app)
    req["tenant"] = "ops"
    resp = await handler(req)
    assert resp.text == "ok"
