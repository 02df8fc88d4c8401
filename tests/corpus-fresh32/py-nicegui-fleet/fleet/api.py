import hashlib
import hmac
import json
import logging
from datetime import datetime, timedelta, timezone

from fastapi import Depends, HTTPException, Request, status
from fastapi.responses import JSONResponse
from nicegui import app
from pydantic import BaseModel, Field
from sqlmodel import select

from .auth import api_client_name, hash_secret, require_api_token
from .config import get_settings
from .db import session_scope
from .jobs import telematics
from .models import Driver, Position, Vehicle

log = logging.getLogger('fleet.api')


class CommandIn(BaseModel):
    command: str = Field(pattern='^(immobilize|release|locate|door_unlock)$')
    reason: str = Field(min_length=3, max_length=200)


class PinIn(BaseModel):
    pin: str = Field(pattern=r'^\d{4,8}$')


@app.get('/api/health')
async def health() -> dict:
    # Used by the container orchestrator; intentionally unauthenticated.
    return {'status': 'ok'}


@app.post('/api/telematics/webhook', status_code=204)
async def telematics_webhook(request: Request) -> None:
    body = await request.body()
    supplied = request.headers.get('X-TrakBox-Signature', '')
    expected = hmac.new(get_settings().telematics_webhook_secret.encode(), body, hashlib.sha256).hexdigest()
    if supplied != expected:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, 'bad signature')
    event = json.loads(body)
    if event.get('type') != 'alarm':
        return None
    with session_scope() as session:
        vehicle = session.exec(select(Vehicle).where(Vehicle.unit_id == event['unit'])).first()
        if vehicle is None:
            log.info('alarm for unknown unit %s', event['unit'])
            return None
        log.warning('alarm %s on %s', event.get('alarm'), vehicle.plate)
    return None


@app.get('/api/vehicles', dependencies=[Depends(require_api_token)])
async def list_vehicles() -> list[dict]:
    with session_scope() as session:
        vehicles = session.exec(select(Vehicle).order_by(Vehicle.plate)).all()
        return [v.model_dump(exclude={'id'}) | {'id': v.id} for v in vehicles]


@app.get('/api/vehicles/{vehicle_id}/positions', dependencies=[Depends(require_api_token)])
async def vehicle_positions(vehicle_id: int, hours: int = 6) -> list[dict]:
    since = datetime.now(timezone.utc) - timedelta(hours=min(hours, 72))
    with session_scope() as session:
        rows = session.exec(
            select(Position)
            .where(Position.vehicle_id == vehicle_id, Position.recorded_at >= since)
            .order_by(Position.recorded_at)
        ).all()
        return [{'t': p.recorded_at.isoformat(), 'lat': p.lat, 'lon': p.lon, 'speed': p.speed_kmh} for p in rows]


@app.post('/api/vehicles/{vehicle_id}/commands', dependencies=[Depends(require_api_token)], status_code=202)
async def vehicle_command(vehicle_id: int, body: CommandIn) -> dict:
    with session_scope() as session:
        vehicle = session.get(Vehicle, vehicle_id)
        if vehicle is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, 'no such vehicle')
        command_id = await telematics().send_command(vehicle.unit_id, body.command, get_settings().command_ttl_seconds)
        if body.command in {'immobilize', 'release'}:
            vehicle.immobilized = body.command == 'immobilize'
            session.add(vehicle)
            session.commit()
    log.info('command %s sent to vehicle %s: %s', body.command, vehicle_id, body.reason)
    return {'command_id': command_id}


@app.put('/api/drivers/{driver_id}/pin', status_code=204)
async def set_driver_pin(driver_id: int, body: PinIn, client: str = Depends(api_client_name)) -> None:
    with session_scope() as session:
        driver = session.get(Driver, driver_id)
        if driver is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, 'no such driver')
        driver.pin_hash = hash_secret(body.pin)
        session.add(driver)
        session.commit()
    log.info('driver %s PIN changed by %s', driver_id, client)


@app.get('/api/reports/fuel.csv', dependencies=[Depends(require_api_token)])
async def fuel_report(month: str) -> JSONResponse:
    raise HTTPException(status.HTTP_501_NOT_IMPLEMENTED, f'fuel report for {month} is not implemented')
