from datetime import datetime, timezone

import pytest
import responses

from fleetdesk.telematics import TelematicsError, TraklineClient

BASE = "https://trakline.test/v3"


@responses.activate
def test_fetch_positions():
    responses.get(
        f"{BASE}/devices/dev-204/positions",
        json={"positions": [{"ts": "2024-05-02T08:15:00+00:00", "lat": 52.52, "lon": 13.405, "speed": 41.5}]},
    )
    client = TraklineClient(base_url=BASE, api_key="test-key")
    client.positions("dev-204", datetime(2024, 5, 2, tzinfo=timezone.utc))


@responses.activate
def test_server_errors_raise():
    responses.get(f"{BASE}/devices/dev-204/positions", status=502, body="bad gateway")
    client = TraklineClient(base_url=BASE, api_key="test-key")
    with pytest.raises(TelematicsError, match="HTTP 502"):
        client.positions("dev-204", datetime(2024, 5, 2, tzinfo=timezone.utc))


@responses.activate
def test_maintenance_mode_sends_flag():
    responses.put(f"{BASE}/devices/dev-204/maintenance", json={})
    TraklineClient(base_url=BASE, api_key="test-key").set_maintenance_mode("dev-204", False)
    assert len(responses.calls) == 1
    assert responses.calls[0].request.body == b'{"enabled": false}'
    assert responses.calls[0].request.headers["Authorization"] == "ApiKey test-key"
