import json
from datetime import datetime, timezone
from unittest import mock

import httpx
import pytest

from fleet.config import get_settings
from fleet.telematics import TelematicsError, TrakBoxClient


def _client(handler) -> TrakBoxClient:
    return TrakBoxClient(get_settings(), transport=httpx.MockTransport(handler))


async def test_latest_positions_parses_payload() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.params['units'] == 'TB-1,TB-2'
        return httpx.Response(
            200,
            json={'positions': [{'unit': 'TB-1', 'ts': '2024-05-02T08:00:00+00:00', 'lat': 52.5, 'lon': 13.4, 'speed': 42.0}]},
        )

    positions = await _client(handler).latest_positions(['TB-1', 'TB-2'])
    assert len(positions) == 1
    assert positions[0].recorded_at == datetime(2024, 5, 2, 8, tzinfo=timezone.utc)
    assert positions[0].ignition is False


async def test_latest_positions_raises_on_server_error() -> None:
    client = _client(lambda request: httpx.Response(503))
    with pytest.raises(TelematicsError):
        await client.latest_positions(['TB-1'])


async def test_send_command_rejects_unknown_commands() -> None:
    client = _client(lambda request: httpx.Response(200, json={'command_id': 'c1'}))
    with pytest.raises(ValueError):
        await client.send_command('TB-1', 'self_destruct', 60)


async def test_vehicle_command_route_uses_configured_ttl(user, seeded_admin) -> None:
    from fleet import api
    from fleet.db import session_scope
    from fleet.models import Vehicle

    with session_scope() as session:
        vehicle = Vehicle(plate='B-FL 101', unit_id='TB-101', model='Sprinter')
        session.add(vehicle)
        session.commit()
        vehicle_id = vehicle.id

    fake = mock.AsyncMock()
    fake.send_command.return_value = 'cmd-1'
    with mock.patch.object(api, 'telematics', return_value=fake):
        result = await api.vehicle_command(vehicle_id, api.CommandIn(command='locate', reason='driver unreachable'))

    fake.send_command.assert_awaited_once_with('TB-101', 'locate', get_settings().command_ttl_seconds)
    assert json.loads(json.dumps(result)) == {'command_id': 'cmd-1'}
