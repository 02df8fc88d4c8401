from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .extensions import db


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Member(db.Model):
    __tablename__ = "members"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(255), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(32))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default="member")
    preferred_channel: Mapped[str] = mapped_column(String(8), default="email")
    balance_cents: Mapped[int] = mapped_column(default=0)
    joined_at: Mapped[datetime] = mapped_column(default=utcnow)

    loans: Mapped[list[Loan]] = relationship(back_populates="member")


class Tool(db.Model):
    __tablename__ = "tools"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    category: Mapped[str] = mapped_column(String(40), index=True)
    serial: Mapped[str] = mapped_column(String(64), unique=True)
    condition: Mapped[str] = mapped_column(String(16), default="good")
    photo_path: Mapped[str | None] = mapped_column(String(255))
    available: Mapped[bool] = mapped_column(default=True)


class Loan(db.Model):
    __tablename__ = "loans"

    id: Mapped[int] = mapped_column(primary_key=True)
    tool_id: Mapped[int] = mapped_column(ForeignKey("tools.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    checked_out_at: Mapped[datetime] = mapped_column(default=utcnow)
    due_at: Mapped[datetime]
    returned_at: Mapped[datetime | None]
    late_fee_cents: Mapped[int] = mapped_column(default=0)

    tool: Mapped[Tool] = relationship()
    member: Mapped[Member] = relationship(back_populates="loans")


class PasswordReset(db.Model):
    __tablename__ = "password_resets"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


def compute_late_fee(loan: Loan, per_day_cents: int, now: datetime | None = None) -> int:
    end = loan.returned_at or now or utcnow()
    overdue_days = (end - loan.due_at).days
    return max(overdue_days, 0) * per_day_cents
