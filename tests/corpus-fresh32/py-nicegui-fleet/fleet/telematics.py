import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

import httpx

from .config import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UnitPosition:
    unit_id: str
    recorded_at: datetime
    lat: float
    lon: float
    speed_kmh: float
    ignition: bool


class PositionSink(Protocol):
    def store(self, positions: list[UnitPosition]) -> int: ...


class TelematicsError(RuntimeError):
    pass


class TrakBoxClient:
    def __init__(self, settings: Settings, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._settings = settings
        self._http = httpx.AsyncClient(
            base_url=settings.telematics_base_url,
            headers={'X-Api-Key': settings.telematics_api_key, 'Accept': 'application/json'},
            timeout=httpx.Timeout(10.0, connect=5.0),
            verify=False,
            transport=transport,
        )

    async def aclose(self) -> None:
        await self._http.aclose()

    async def latest_positions(self, unit_ids: list[str]) -> list[UnitPosition]:
        if not unit_ids:
            return []
        try:
            response = await self._http.get('/positions/latest', params={'units': ','.join(unit_ids)})
            response.raise_for_status()
        except httpx.HTTPStatusError as exc:
            log.warning('TrakBox returned %s for latest positions', exc.response.status_code)
            raise TelematicsError(str(exc)) from exc
        return [
            UnitPosition(
                unit_id=item['unit'],
                recorded_at=datetime.fromisoformat(item['ts']),
                lat=item['lat'],
                lon=item['lon'],
                speed_kmh=item.get('speed', 0.0),
                ignition=item.get('ignition', False),
            )
            for item in response.json()['positions']
        ]

    async def send_command(self, unit_id: str, command: str, ttl_seconds: int) -> str:
        if command not in {'immobilize', 'release', 'locate', 'door_unlock'}:
            raise ValueError(f'unsupported command {command!r}')
        response = await self._http.post(f'/units/{unit_id}/commands', json={'command': command})
        if response.status_code >= 400:
            raise TelematicsError(f'command {command} for {unit_id} rejected: {response.text[:200]}')
        return response.json()['command_id']


async def reverse_geocode(settings: Settings, lat: float, lon: float) -> str | None:
    verify: str | bool = str(settings.geocoder_ca_bundle) if settings.geocoder_ca_bundle else True
    async with httpx.AsyncClient(base_url=settings.geocoder_url, verify=verify, timeout=5.0) as client:
        response = await client.get('/reverse', params={'lat': lat, 'lon': lon})
        if response.status_code != 200:
            return None
        return response.json().get('display_name')
