import time
from unittest import mock

import httpx
import pytest
import respx

from reports import signing, tasks

LINK_SECRET = b"unit-test-secret"


@pytest.fixture
def http():
    # respx intercepts everything; no real TLS handshake happens in tests
    client = httpx.AsyncClient(base_url="https://warehouse.test", verify=False)
    yield client


@pytest.fixture(autouse=True)
def env(monkeypatch, tmp_path):
    monkeypatch.setenv("REPORT_LINK_SECRET", "unit-test-secret")
    monkeypatch.setenv("REPORT_OUTPUT_ROOT", str(tmp_path))


def test_signed_link_roundtrip():
    url = signing.sign_link(LINK_SECRET, "https://r.example", "reports/1/report.html", ttl=60)
    params = dict(p.split("=", 1) for p in url.split("?", 1)[1].split("&"))
    assert signing.verify_link(LINK_SECRET, "reports%2F1%2Freport.html".replace("%2F", "/"), int(params["expires"]), params["sig"])


def test_expired_link_is_rejected():
    assert not signing.verify_link(LINK_SECRET, "k", int(time.time()) - 1, "00")


@respx.mock
async def test_warehouse_5xx_is_retryable(http):
    respx.get("https://warehouse.test/api/reports/7/rows").mock(return_value=httpx.Response(503))
    with pytest.raises(tasks.UpstreamUnavailable):
        await tasks._fetch_rows(http, 7)


@respx.mock
async def test_generate_report_stores_file(http):
    respx.get("https://warehouse.test/api/reports/9/rows").mock(
        return_value=httpx.Response(200, json={"rows": [{"region": "EU", "total": 12}]})
    )
    with mock.patch.object(tasks.storage, "put_report", new=mock.AsyncMock()), \
         mock.patch.object(tasks.storage, "write_manifest", new=mock.AsyncMock()):
        await tasks.generate_report({"http": http}, report_id=9, fmt="html")


async def test_ping():
    assert await tasks.ping({}) == "pong"
