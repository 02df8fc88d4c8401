from datetime import datetime, timezone

import reflex as rx
import sqlmodel


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class User(rx.Model, table=True):
    email: str = sqlmodel.Field(unique=True, index=True)
    display_name: str
    password_hash: bytes
    is_pi: bool = False


class LoginSession(rx.Model, table=True):
    token: str = sqlmodel.Field(unique=True, index=True)
    user_id: int = sqlmodel.Field(foreign_key="user.id")
    expires_at: datetime


class Experiment(rx.Model, table=True):
    title: str
    protocol: str = ""
    owner_id: int = sqlmodel.Field(foreign_key="user.id", index=True)
    created_at: datetime = sqlmodel.Field(default_factory=utcnow)


class Run(rx.Model, table=True):
    experiment_id: int = sqlmodel.Field(foreign_key="experiment.id", index=True)
    instrument_id: str
    status: str = "planned"  # planned | acquiring | done | archived
    notes: str = ""
    raw_file: str | None = None
    started_at: datetime | None = None


class AuditEntry(rx.Model, table=True):
    user_id: int | None
    action: str
    target: str
    at: datetime = sqlmodel.Field(default_factory=utcnow)
