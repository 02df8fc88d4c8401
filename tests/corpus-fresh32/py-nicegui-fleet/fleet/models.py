from datetime import datetime, timezone

from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class User(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(index=True, unique=True)
    password_hash: bytes
    role: str = 'dispatcher'  # dispatcher | admin
    active: bool = True


class Driver(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str
    employee_no: str = Field(index=True, unique=True)
    phone: str | None = None
    pin_hash: bytes | None = None
    vehicle_id: int | None = Field(default=None, foreign_key='vehicle.id')


class Vehicle(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    plate: str = Field(index=True, unique=True)
    unit_id: str = Field(index=True, unique=True, description='TrakBox telematics unit')
    model: str
    odometer_km: int = 0
    immobilized: bool = False


class Position(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    vehicle_id: int = Field(foreign_key='vehicle.id', index=True)
    recorded_at: datetime = Field(index=True)
    lat: float
    lon: float
    speed_kmh: float = 0.0
    ignition: bool = False


class MaintenanceRecord(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    vehicle_id: int = Field(foreign_key='vehicle.id', index=True)
    performed_at: datetime = Field(default_factory=utcnow)
    kind: str
    cost_cents: int = 0
    notes: str = ''
