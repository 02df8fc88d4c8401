from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from fraudscore.auth import ApiKeyMiddleware


async def ok(_request):
    return JSONResponse({"ok": True})


def make_client():
    app = Starlette(routes=[Route("/v1/score", ok, methods=["POST"]), Route("/readyz", ok), Route("/admin/thresholds", ok)])
    return TestClient(ApiKeyMiddleware(app, keys=["test-key-1", "test-key-2"]))


def test_missing_key_is_rejected():
    resp = make_client().post("/v1/score", json={})
    assert resp.status_code == 401
    assert resp.json() == {"error": "missing or invalid API key"}


def test_any_configured_key_is_accepted():
    client = make_client()
    assert client.post("/v1/score", json={}, headers={"x-api-key": "test-key-2"}).status_code == 200


def test_probes_are_public():
    assert make_client().get("/readyz").status_code == 200
