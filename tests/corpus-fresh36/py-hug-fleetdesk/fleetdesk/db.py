"""SQLAlchemy models and session factory."""

from datetime import datetime, timezone

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    create_engine,
)
from sqlalchemy.orm import declarative_base, relationship, sessionmaker

from fleetdesk import config

Base = declarative_base()


def utcnow():
    return datetime.now(timezone.utc)


class User(Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
    username = Column(String(80), unique=True, nullable=False)
    password_hash = Column(String(200), nullable=False)
    role = Column(String(20), nullable=False, default="driver")  # driver, mechanic, dispatcher, admin
    active = Column(Boolean, nullable=False, default=True)


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id"), nullable=False)
    token_hash = Column(String(64), unique=True, nullable=False)
    expires_at = Column(DateTime(timezone=True), nullable=False)
    revoked = Column(Boolean, nullable=False, default=False)

    user = relationship(User)


class Vehicle(Base):
    __tablename__ = "vehicles"

    id = Column(Integer, primary_key=True)
    plate = Column(String(20), unique=True, nullable=False)
    vin = Column(String(17), unique=True, nullable=False)
    model = Column(String(80), nullable=False)
    depot = Column(String(40), nullable=False)
    status = Column(String(20), nullable=False, default="active")  # active, maintenance, retired
    odometer_km = Column(Integer, nullable=False, default=0)
    telematics_id = Column(String(40), unique=True)
    retired_at = Column(DateTime(timezone=True))


class Position(Base):
    __tablename__ = "positions"

    id = Column(Integer, primary_key=True)
    vehicle_id = Column(Integer, ForeignKey("vehicles.id"), nullable=False, index=True)
    recorded_at = Column(DateTime(timezone=True), nullable=False, index=True)
    lat = Column(Float, nullable=False)
    lon = Column(Float, nullable=False)
    speed_kmh = Column(Float)


class WorkOrder(Base):
    __tablename__ = "work_orders"

    id = Column(Integer, primary_key=True)
    vehicle_id = Column(Integer, ForeignKey("vehicles.id"), nullable=False, index=True)
    title = Column(String(200), nullable=False)
    description = Column(Text, nullable=False, default="")
    priority = Column(String(10), nullable=False, default="normal")
    status = Column(String(20), nullable=False, default="open")  # open, in_progress, closed
    assigned_to = Column(Integer, ForeignKey("users.id"))
    opened_by = Column(Integer, ForeignKey("users.id"), nullable=False)
    opened_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    closed_at = Column(DateTime(timezone=True))
    odometer_at_close = Column(Integer)

    vehicle = relationship(Vehicle)


class AuditEvent(Base):
    __tablename__ = "audit_events"

    id = Column(Integer, primary_key=True)
    at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    actor_id = Column(Integer, ForeignKey("users.id"))
    action = Column(String(60), nullable=False)
    subject = Column(String(120), nullable=False)
    detail = Column(Text, nullable=False, default="")


engine = create_engine(config.DATABASE_URL, pool_pre_ping=True, future=True)
SessionLocal = sessionmaker(bind=engine, autoflush=False, expire_on_commit=False, future=True)


def record_audit(session, actor, action, subject, detail=""):
    session.add(AuditEvent(actor_id=actor.id if actor else None, action=action, subject=subject, detail=detail))
    session.commit()
