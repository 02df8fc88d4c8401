import json
import os

os.environ.setdefault("DESK_INTROSPECTION_CLIENT_SECRET", "test-introspection-secret")
os.environ.setdefault("DESK_STATUSPAGE_WEBHOOK_TOKEN", "test-statuspage-token")

import httpx  # noqa: E402
import pytest  # noqa: E402
from mcp.server.auth.provider import AccessToken  # noqa: E402

from incidentdesk import auth, server  # noqa: E402
from incidentdesk.statusapi import StatusApi  # noqa: E402
from incidentdesk.store import DeskStore  # noqa: E402

INCIDENT = {
    "id": "INC-7",
    "title": "Checkout latency",
    "service": "checkout",
    "severity": "sev2",
    "status": "investigating",
    "commander": None,
    "opened_at": "2025-03-01T10:00:00Z",
}


@pytest.fixture
def anyio_backend():
    return "asyncio"


class FakeIncidentApi:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path
        if path == "/v1/incidents":
            return httpx.Response(200, json={"items": [INCIDENT]})
        if path == "/v1/incidents/INC-7":
            return httpx.Response(200, json=INCIDENT)
        if path == "/v1/incidents/INC-7/status":
            status = json.loads(request.content)["status"]
            return httpx.Response(200, json={**INCIDENT, "status": status})
        if path == "/v1/incidents/INC-7/timeline":
            return httpx.Response(200, json={"events": [{"at": "10:00", "text": "alert fired"}]})
        if path.startswith("/v1/oncall/"):
            return httpx.Response(200, json={"page_id": "PG-1"})
        return httpx.Response(404, json={"error": "not found"})


@pytest.fixture
def incident_api() -> FakeIncidentApi:
    return FakeIncidentApi()


@pytest.fixture
def desk(tmp_path, incident_api):
    server.deps.store = DeskStore(":memory:")
    server.deps.api = StatusApi(
        "https://status-api.test", "test-token", transport=httpx.MockTransport(incident_api)
    )
    server.deps.drafts_dir = tmp_path / "drafts"
    server.deps.notifier = None
    yield server.deps
    server.deps.store.close()


@pytest.fixture
def grant(monkeypatch):
    def _grant(*scopes: str, client_id: str = "assistant-1") -> AccessToken:
        token = AccessToken(token="t", client_id=client_id, scopes=list(scopes), expires_at=None)
        monkeypatch.setattr(auth, "get_access_token", lambda: token)
        return token

    return _grant
