from datetime import datetime, timedelta, timezone

from nicegui import app, ui
from sqlmodel import func, select

from ..db import session_scope
from ..models import Position, Vehicle


def _latest_rows() -> list[dict]:
    since = datetime.now(timezone.utc) - timedelta(minutes=30)
    with session_scope() as session:
        latest = (
            select(Position.vehicle_id, func.max(Position.recorded_at).label('ts'))
            .where(Position.recorded_at >= since)
            .group_by(Position.vehicle_id)
            .subquery()
        )
        rows = session.exec(
            select(Vehicle, Position)
            .join(latest, latest.c.vehicle_id == Vehicle.id)
            .join(Position, (Position.vehicle_id == Vehicle.id) & (Position.recorded_at == latest.c.ts))
        ).all()
    return [
        {
            'plate': v.plate,
            'speed': round(p.speed_kmh),
            'ignition': 'on' if p.ignition else 'off',
            'seen': p.recorded_at.strftime('%H:%M:%S'),
            'lat': p.lat,
            'lon': p.lon,
            'immobilized': v.immobilized,
        }
        for v, p in rows
    ]


@ui.page('/')
def dashboard() -> None:
    with ui.header().classes('items-center justify-between'):
        ui.label('Fleet console').classes('text-h6')
        ui.label(f"Signed in as {app.storage.user.get('username')}")
        ui.link('Log out', '/logout').classes('text-white')

    columns = [
        {'name': 'plate', 'label': 'Vehicle', 'field': 'plate', 'sortable': True},
        {'name': 'speed', 'label': 'km/h', 'field': 'speed'},
        {'name': 'ignition', 'label': 'Ignition', 'field': 'ignition'},
        {'name': 'seen', 'label': 'Last seen', 'field': 'seen'},
    ]
    table = ui.table(columns=columns, rows=_latest_rows(), row_key='plate').classes('w-full')
    fleet_map = ui.leaflet(center=(52.52, 13.40), zoom=10).classes('w-full h-96')
    markers: dict[str, object] = {}

    def refresh() -> None:
        rows = _latest_rows()
        table.rows = rows
        table.update()
        for row in rows:
            if row['plate'] in markers:
                markers[row['plate']].move(row['lat'], row['lon'])
            else:
                markers[row['plate']] = fleet_map.marker(latlng=(row['lat'], row['lon']))

    ui.timer(15.0, refresh)
