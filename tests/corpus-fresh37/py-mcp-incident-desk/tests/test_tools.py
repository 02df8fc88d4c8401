import json

import pytest
from mcp.server.fastmcp.exceptions import ToolError
from mcp.shared.memory import create_connected_server_and_client_session

from incidentdesk import server
from incidentdesk.auth import PAGE, READ, WRITE

pytestmark = pytest.mark.anyio


class FakeContext:
    def __init__(self) -> None:
        self.messages: list[str] = []
        self.progress: list[tuple[float, float | None]] = []

    async def info(self, message: str) -> None:
        self.messages.append(message)

    async def report_progress(self, progress: float, total: float | None = None, message=None) -> None:
        self.progress.append((progress, total))


def assert_audited(desk, target: str, action: str, actor: str = "assistant-1") -> None:
    entries = desk.store.audit_entries(target)
    assert any(e["action"] == action and e["actor"] == actor for e in entries), entries


async def test_list_incidents_over_the_protocol(desk, grant):
    grant(READ)
    async with create_connected_server_and_client_session(server.mcp._mcp_server) as client:
        result = await client.call_tool("list_incidents", {"service": "checkout"})
    assert not result.isError
    payload = json.loads(result.content[0].text)
    assert payload["id"] == "INC-7"


async def test_list_incidents_filters_by_severity(desk, grant, incident_api):
    grant(READ)
    await server.list_incidents(FakeContext(), severity="sev1")


async def test_acknowledge_is_audited(desk, grant):
    grant(READ, WRITE)
    ctx = FakeContext()

    incident = await server.acknowledge_incident("INC-7", ctx, note="looking")

    assert incident["status"] == "identified"
    assert_audited(desk, "INC-7", "acknowledge")


async def test_add_note_requires_write_scope(desk, grant):
    grant(READ)
    with pytest.raises(ToolError, match="missing scope incidents:write"):
        await server.add_note("INC-7", "db failover done")


async def test_page_oncall(desk, grant):
    grant(READ, PAGE)
    page_id = await server.page_oncall("payments-primary", "checkout down", FakeContext())
    assert page_id == "PG-1"
    assert_audited(desk, "payments-primary", "page")


async def test_draft_postmortem_reports_progress(desk, grant):
    grant(READ, WRITE)
    ctx = FakeContext()

    path = await server.draft_postmortem("INC-7", ctx)

    assert ctx.progress == [(1, 1)]
    assert "alert fired" in open(path, encoding="utf-8").read()


async def test_set_status_rejects_unknown_status(desk, grant):
    grant(READ, WRITE)
    with pytest.raises(ToolError):
        await server.set_status("INC-7", "closed")
