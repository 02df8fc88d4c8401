from __future__ import annotations

import uuid
from datetime import datetime, timezone
from typing import Iterator

from sqlalchemy import Engine
from sqlmodel import Field, Session, SQLModel, create_engine, select


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _uuid() -> str:
    return str(uuid.uuid4())


class Account(SQLModel, table=True):
    id: str = Field(default_factory=_uuid, primary_key=True)
    owner_email: str = Field(index=True)
    points: int = 0
    updated_at: datetime = Field(default_factory=_now)


class LedgerEntry(SQLModel, table=True):
    __tablename__ = "ledger_entries"

    id: str = Field(default_factory=_uuid, primary_key=True)
    account_id: str = Field(foreign_key="account.id", index=True)
    delta: int
    reason: str
    idempotency_key: str | None = Field(default=None, unique=True)
    reverses_id: str | None = Field(default=None, foreign_key="ledger_entries.id")
    actor: str
    created_at: datetime = Field(default_factory=_now, index=True)


class ApiToken(SQLModel, table=True):
    __tablename__ = "api_tokens"

    id: str = Field(default_factory=_uuid, primary_key=True)
    prefix: str = Field(index=True, unique=True)
    token_hash: str
    role: str
    account_id: str | None = None
    label: str = ""
    revoked_at: datetime | None = None


class AuditEntry(SQLModel, table=True):
    __tablename__ = "audit_entries"

    id: int | None = Field(default=None, primary_key=True)
    actor: str
    action: str
    subject: str
    at: datetime = Field(default_factory=_now)


class InsufficientPoints(Exception):
    pass


def make_engine(url: str) -> Engine:
    connect_args = {"check_same_thread": False} if url.startswith("sqlite") else {}
    return create_engine(url, connect_args=connect_args, pool_pre_ping=True)


def session_scope(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session:
        yield session


def _make_entry(account: Account, delta: int, reason: str, actor: str, key: str | None) -> LedgerEntry:
    return LedgerEntry(
        account_id=account.id,
        delta=delta,
        reason=reason.strip()[:200] or "unspecified",
        actor=actor,
        idempotency_key=key or None,
    )


def record_entry(
    session: Session,
    account: Account,
    delta: int,
    reason: str,
    actor: str,
    idempotency_key: str | None = None,
) -> LedgerEntry:
    if account.points + delta < 0:
        raise InsufficientPoints(f"account {account.id} has {account.points} points")
    entry = _make_entry(account, delta, reason, actor, idempotency_key)
    account.points += delta
    account.updated_at = _now()
    session.add(entry)
    session.add(account)
    return entry


def fetch_history(
    session: Session, account_id: str, page_size: int, page_token: str | None = None
) -> list[LedgerEntry]:
    stmt = (
        select(LedgerEntry)
        .where(LedgerEntry.account_id == account_id)
        .order_by(LedgerEntry.created_at.desc(), LedgerEntry.id)
    )
    if page_token:
        cursor = session.get(LedgerEntry, page_token)
        if cursor is not None:
            stmt = stmt.where(LedgerEntry.created_at < cursor.created_at)
    return list(session.exec(stmt.limit(100)))
