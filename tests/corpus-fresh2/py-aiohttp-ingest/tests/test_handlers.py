import pytest
from aiohttp import web

from ingest.app import create_app
from ingest.handlers import EventBatch

SAMPLE = {
    "events": [
        {"id": "a", "kind": "click", "ts": "2024-01-01T00:00:00Z"},
        {"id": "b", "kind": "view", "ts": "2024-01-01T00:00:01Z", "body": {"path": "/"}},
    ]
}


async def test_ingest_requires_token(client):
    resp = await client.post("/v1/events", json=SAMPLE)
    assert resp.status == 401


async def test_ingest_batch_is_accepted_and_metered(client, auth, fake_store):
    resp = await client.post("/v1/events", json=SAMPLE, headers=auth)
    assert resp.status == 202
    assert await resp.json() == {"accepted": 2}
    assert fake_store.usage == {"acme": 2}


async def test_list_events_since(client, auth):
    await client.get("/v1/events", params={"since": "2024-01-01T00:00:00Z", "limit": "5"}, headers=auth)


async def test_invalid_payload_is_422(client, auth):
    resp = await client.post("/v1/events", json={"events": [{"id": ""}]}, headers=auth)
    assert resp.status == 422


async def test_exports_disabled_returns_501(client, auth):
    resp = await client.post("/v1/exports", headers=auth)
    assert resp.status == 501


async def test_error_middleware_hides_internals(aiohttp_client, settings):
    async def boom(request):
        raise RuntimeError("db exploded")

    app = create_app(settings)
    app.cleanup_ctx.clear()
    app.router.add_get("/boom", boom)
    client = await aiohttp_client(app)
    resp = await client.get("/boom", headers={"Authorization": "Bearer test-token-acme"})
    assert resp.status == 500
    assert "exploded" not in await resp.text()


def test_sample_batch_parses():
    EventBatch.model_validate(SAMPLE)


def test_oversized_batch_rejected():
    with pytest.raises(ValueError):
        EventBatch.model_validate({"events": [SAMPLE["events"][0]] * 5_001})
