from unittest import mock

import httpx
import pytest
from arq import Retry

from reports import jobs, signing


class FakePool:
    def __init__(self, row=None):
        self.row = row
        self.executed = []

    async def fetchrow(self, query, *args):
        return self.row

    async def execute(self, query, *args):
        self.executed.append((query, args))


@pytest.fixture
def ctx():
    return {"db": FakePool({"kind": "usage", "params": {"month": "2024-03"}}), "http": mock.AsyncMock(), "job_try": 1}


def _sig(tenant, report_id):
    return signing.sign(tenant, str(report_id))


async def test_generate_html_report_uploads_and_marks_done(ctx):
    with mock.patch.object(jobs, "_env") as env, \
         mock.patch.object(jobs.storage, "upload", mock.AsyncMock(return_value="https://objects/x")) as up:
        env.get_template.return_value.render.return_value = "<h1>usage</h1>"
        url = await jobs.generate_report(ctx, 5, tenant_id="t-1", sig=_sig("t-1", 5), fmt="html")
    assert url == "https://objects/x"
    up.assert_awaited_once()
    assert ctx["db"].executed[0][1] == ("https://objects/x", 5)


async def test_transport_error_is_retried(ctx):
    boom = mock.AsyncMock(side_effect=httpx.ConnectError("refused"))
    with mock.patch.object(jobs, "_env"), mock.patch.object(jobs.storage, "upload", boom):
        with pytest.raises(Retry):
            await jobs.generate_report(ctx, 5, tenant_id="t-1", sig=_sig("t-1", 5), fmt="html")


async def test_unknown_report_raises(ctx):
    ctx["db"].row = None
    with pytest.raises(LookupError, match="report 9"):
        await jobs.generate_report(ctx, 9, tenant_id="t-1", sig=_sig("t-1", 9))


async def test_send_digest(ctx):
    await jobs.send_digest(ctx, "t-1")


async def test_ping(ctx):
    assert await jobs.ping(ctx) == "pong"
