import json

import pytest
import responses

from oncall.pager import PagerClient, PagerError


@pytest.fixture
def pager():
    # responses intercepts at the adapter level, TLS settings are irrelevant here
    return PagerClient("https://pager.test/v1", "tok", timeout=1, verify_tls=False)


@responses.activate
def test_trigger_incident_posts_title_and_service(pager):
    responses.post("https://pager.test/v1/incidents", json={
        "incident": {"id": "P123", "status": "triggered", "html_url": "https://pager.test/i/P123"}})
    incident = pager.trigger_incident("DB down", "sev2", "SVC1")
    sent = json.loads(responses.calls[0].request.body)
    assert sent["incident"]["title"] == "DB down"
    assert sent["incident"]["service"]["id"] == "SVC1"
    assert incident.id == "P123"


@responses.activate
def test_http_errors_become_pager_errors(pager):
    responses.put("https://pager.test/v1/incidents/P1", status=502)
    with pytest.raises(PagerError):
        pager.resolve("P1", "someone@example.com")


@responses.activate
def test_auth_header_is_sent(pager):
    responses.put("https://pager.test/v1/incidents/P1", json={})
    pager.acknowledge("P1", "a@example.com")
    assert responses.calls[0].request.headers["Authorization"] == "Token token=tok"
    assert responses.calls[0].request.headers["From"] == "a@example.com"
