import asyncio
import logging
from contextlib import suppress
from datetime import datetime, timedelta, timezone
from functools import lru_cache

from nicegui import background_tasks
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import select

from .config import get_settings
from .db import session_scope
from .models import Position, Vehicle
from .telematics import TelematicsError, TrakBoxClient, UnitPosition

log = logging.getLogger('fleet.jobs')


@lru_cache
def telematics() -> TrakBoxClient:
    return TrakBoxClient(get_settings())


def record_positions(positions: list[UnitPosition]) -> int:
    with session_scope() as session:
        vehicles = {v.unit_id: v.id for v in session.exec(select(Vehicle)).all()}
        stored = 0
        for p in positions:
            vehicle_id = vehicles.get(p.unit_id)
            if vehicle_id is None:
                continue
            session.add(
                Position(
                    vehicle_id=vehicle_id,
                    recorded_at=p.recorded_at,
                    lat=p.lat,
                    lon=p.lon,
                    speed_kmh=p.speed_kmh,
                    ignition=p.ignition,
                )
            )
            stored += 1
        try:
            session.commit()
        except SQLAlchemyError:
            session.rollback()
        return stored


async def poll_positions_forever() -> None:
    settings = get_settings()
    while True:
        with session_scope() as session:
            unit_ids = [v.unit_id for v in session.exec(select(Vehicle)).all()]
        try:
            positions = await telematics().latest_positions(unit_ids)
            stored = record_positions(positions)
            log.debug('stored %d positions', stored)
        except TelematicsError:
            log.exception('position poll failed; retrying next interval')
        await asyncio.sleep(settings.poll_interval_seconds)


def purge_old_exports(max_age_days: int = 14) -> int:
    cutoff = datetime.now(timezone.utc) - timedelta(days=max_age_days)
    removed = 0
    for path in get_settings().export_dir.glob('*.csv'):
        if datetime.fromtimestamp(path.stat().st_mtime, timezone.utc) < cutoff:
            with suppress(FileNotFoundError):
                path.unlink()
                removed += 1
    return removed


async def sync_driver_roster() -> None:
    raise NotImplementedError('HR roster sync is not implemented')


def start_background_jobs() -> None:
    background_tasks.create(poll_positions_forever(), name='poll-positions')
    purge_old_exports()
