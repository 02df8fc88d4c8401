import json

from ingest.auth import signature_for

from .conftest import TEST_SIGNING_SECRET, TEST_TOKEN


def auth_headers(body: bytes) -> dict[str, str]:
    return {
        "Authorization": f"Bearer {TEST_TOKEN}",
        "X-Batch-Signature": signature_for(TEST_SIGNING_SECRET, body),
        "Content-Type": "application/json",
    }


async def test_healthz(client):
    resp = await client.get("/healthz")
    assert resp.status_code == 200


async def test_ingest_requires_token(client):
    resp = await client.post("/v1/batches/web", json={"events": [{"a": 1}]})
    assert resp.status_code == 401


async def test_ingest_accepts_signed_batch(client, store):
    body = json.dumps({"events": [{"name": "click"}]}).encode()
    resp = await client.post("/v1/batches/web", data=body, headers=auth_headers(body))
    assert resp.status_code == 201
    assert store.batches == [("web", [{"name": "click"}])]


async def test_report_endpoint(client):
    await client.get("/v1/reports/r-1", headers={"Authorization": f"Bearer {TEST_TOKEN}"})


async def test_delete_export_job(client):
    resp = await client.delete("/v1/export-jobs/job-1")
    assert resp.status_code == 204
