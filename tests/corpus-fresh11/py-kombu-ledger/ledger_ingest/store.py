from __future__ import annotations

import logging
from decimal import Decimal

from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from . import settings

log = logging.getLogger(__name__)

engine = create_engine(settings.DATABASE_URL, pool_pre_ping=True, pool_size=5)
SessionLocal = sessionmaker(bind=engine, expire_on_commit=False)


def record_entry(session: Session, event_id: str, account: str, amount: Decimal, currency: str, kind: str) -> bool:
    """Inserts a ledger entry. Returns False when the event was already recorded."""
    try:
        session.execute(
            text(
                "INSERT INTO ledger_entries (event_id, account, amount, currency, kind)"
                " VALUES (:event_id, :account, :amount, :currency, :kind)"
            ),
            {"event_id": event_id, "account": account, "amount": amount, "currency": currency, "kind": kind},
        )
        session.commit()
        return True
    except IntegrityError:
        # Redelivery of an event we already booked; the unique index on event_id makes this idempotent.
        session.rollback()
        log.info("duplicate event %s ignored", event_id)
        return False


def mark_refunded(session: Session, payment_id: str, amount: Decimal) -> None:
    session.execute(
        text("UPDATE payments SET refunded_amount = refunded_amount + :amount WHERE id = :id"),
        {"amount": amount, "id": payment_id},
    )
    try:
        session.commit()
    except Exception:
        pass
