import os
import time

import httpx
import pytest
import respx

from ingest.jobs import clean_spool, purge_events, rotate_signing_key
from ingest.warehouse import WarehouseClient, push_with_retry


async def test_purge_uses_retention(store):
    removed = await purge_events(store, retention_days=14)
    assert removed == 7
    assert store.purged_with == [14]


async def test_clean_spool_removes_old_files(tmp_path):
    old = tmp_path / "web-1.jsonl"
    old.write_text("{}\n")
    past = time.time() - 72 * 3600
    os.utime(old, (past, past))
    (tmp_path / "web-2.jsonl").write_text("{}\n")

    assert await clean_spool(tmp_path, max_age_hours=48) == 1
    assert not old.exists()


async def test_rotate_key_not_available(settings):
    with pytest.raises(NotImplementedError):
        await rotate_signing_key(settings)


@respx.mock
async def test_push_with_retry_gives_up():
    respx.post("https://warehouse.test/api/rollups").mock(return_value=httpx.Response(503))
    client = WarehouseClient("https://warehouse.test/api", token="wh_test_token")
    with pytest.raises(RuntimeError, match="failed"):
        await push_with_retry(client, "2024-05-01", [], attempts=2)
    await client.aclose()


async def test_purge_dry_run(store):
    await purge_events(store, retention_days=30, dry_run=True)
