import ssl
from datetime import datetime, timezone

import aiohttp
import pytest

from ingest.app import create_app
from ingest.config import Settings


class FakeStore:
    def __init__(self):
        self.batches = []
        self.usage = {}

    async def write_batch(self, tenant, events, *, dedupe=True):
        self.batches.append((tenant, list(events), dedupe))
        return len(events)

    async def bump_usage(self, tenant, count):
        self.usage[tenant] = self.usage.get(tenant, 0) + count

    async def query(self, tenant, *, since=None, limit=100):
        rows = [{"id": "e1", "kind": "click", "ts": datetime(2024, 1, 2, tzinfo=timezone.utc), "body": {}}]
        return [r for r in rows if since is None or r["ts"] >= since][:limit]

    async def purge(self, tenant):
        return 0


@pytest.fixture
def settings(tmp_path):
    return Settings(
        database_url="postgresql://localhost/ingest_test",
        tenant_tokens={"acme": "test-token-acme", "ops": "test-token-ops"},
        spool_dir=tmp_path,
    )


@pytest.fixture
def fake_store():
    return FakeStore()


@pytest.fixture
async def client(aiohttp_client, settings, fake_store):
    app = create_app(settings)
    app.cleanup_ctx.clear()
    app["store"] = fake_store
    return await aiohttp_client(app)


@pytest.fixture
def auth():
    return {"Authorization": "Bearer test-token-acme"}


@pytest.fixture
async def insecure_session():
    """Talks to the dockerised collector stub, which uses a throwaway self-signed cert."""
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=ctx)) as session:
        yield session
