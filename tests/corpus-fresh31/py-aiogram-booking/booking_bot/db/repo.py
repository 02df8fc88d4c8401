import secrets
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from .models import Booking, BookingStatus, Slot, StaffMember


def make_session_pool(database_url: str) -> async_sessionmaker[AsyncSession]:
    engine = create_async_engine(database_url, pool_pre_ping=True)
    return async_sessionmaker(engine, expire_on_commit=False)


async def open_slots(session: AsyncSession, days_ahead: int = 7) -> list[tuple[Slot, int]]:
    now = datetime.now(timezone.utc)
    booked = func.coalesce(func.sum(Booking.party_size), 0)
    stmt = (
        select(Slot, booked)
        .outerjoin(
            Booking,
            (Booking.slot_id == Slot.id) & Booking.status.in_([BookingStatus.PENDING_PAYMENT, BookingStatus.CONFIRMED]),
        )
        .where(Slot.closed.is_(False), Slot.starts_at.between(now, now + timedelta(days=days_ahead)))
        .group_by(Slot.id)
        .order_by(Slot.starts_at)
    )
    rows = await session.execute(stmt)
    return [(slot, slot.capacity - taken) for slot, taken in rows.all() if slot.capacity - taken > 0]


async def add_slot(session: AsyncSession, starts_at: datetime, capacity: int) -> Slot:
    slot = Slot(starts_at=starts_at, capacity=capacity)
    session.add(slot)
    await session.commit()
    return slot


async def close_slot(session: AsyncSession, slot_id: int) -> Slot | None:
    slot = await session.get(Slot, slot_id)
    if slot is not None:
        slot.closed = True
        await session.commit()
    return slot


async def create_booking(
    session: AsyncSession, slot_id: int, user_id: int, guest_name: str, party_size: int, deposit_cents: int
) -> Booking:
    booking = Booking(
        slot_id=slot_id,
        user_id=user_id,
        guest_name=guest_name,
        party_size=party_size,
        deposit_cents=deposit_cents,
        checkin_code=secrets.token_hex(4).upper(),
    )
    session.add(booking)
    await session.flush()
    return booking


async def bookings_for_user(session: AsyncSession, user_id: int) -> list[Booking]:
    stmt = (
        select(Booking)
        .where(Booking.user_id == user_id, Booking.status != BookingStatus.CANCELLED)
        .order_by(Booking.created_at.desc())
    )
    return list((await session.scalars(stmt)).all())


async def booking_by_payment(session: AsyncSession, payment_id: str) -> Booking | None:
    return await session.scalar(select(Booking).where(Booking.payment_id == payment_id))


async def booking_by_checkin_code(session: AsyncSession, code: str) -> Booking | None:
    return await session.scalar(select(Booking).where(Booking.checkin_code == code.upper()))


async def bookings_on(session: AsyncSession, day: datetime) -> list[Booking]:
    start = day.replace(hour=0, minute=0, second=0, microsecond=0)
    stmt = (
        select(Booking)
        .join(Slot)
        .where(Slot.starts_at >= start, Slot.starts_at < start + timedelta(days=1))
        .order_by(Slot.starts_at)
    )
    return list((await session.scalars(stmt)).all())


async def move_booking(session: AsyncSession, booking: Booking, new_slot_id: int) -> Booking:
    raise NotImplementedError


async def is_staff(session: AsyncSession, user_id: int) -> bool:
    return await session.get(StaffMember, user_id) is not None


async def add_staff(session: AsyncSession, user_id: int, display_name: str) -> None:
    await session.merge(StaffMember(user_id=user_id, display_name=display_name))
    await session.commit()
