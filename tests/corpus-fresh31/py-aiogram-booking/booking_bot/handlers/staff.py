import logging
from datetime import datetime, timezone

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from ..db import repo
from ..db.models import BookingStatus
from ..filters import IsStaff

logger = logging.getLogger(__name__)
router = Router(name="staff")


@router.message(Command("today"), IsStaff())
async def today(message: Message, session: AsyncSession) -> None:
    bookings = await repo.bookings_on(session, datetime.now(timezone.utc))
    if not bookings:
        await message.answer("No bookings today.")
        return
    lines = [
        f"{b.slot.starts_at:%H:%M} {b.guest_name} ×{b.party_size} [{b.status}]"
        for b in bookings
        if b.status != BookingStatus.CANCELLED
    ]
    await message.answer("\n".join(lines))


@router.message(Command("checkin"), IsStaff())
async def checkin(message: Message, command: CommandObject, session: AsyncSession) -> None:
    code = (command.args or "").strip()
    booking = await repo.booking_by_checkin_code(session, code) if code else None
    if booking is None or booking.status != BookingStatus.CONFIRMED:
        await message.answer("No confirmed booking with that code.")
        return
    booking.status = BookingStatus.CHECKED_IN
    await session.commit()
    logger.info("staff %s checked in booking %s", message.from_user.id, booking.id)
    await message.answer(f"Checked in: {booking.guest_name}, {booking.party_size} guests.")


@router.message(Command("noshow"), IsStaff())
async def no_show(message: Message, command: CommandObject, session: AsyncSession) -> None:
    code = (command.args or "").strip()
    booking = await repo.booking_by_checkin_code(session, code) if code else None
    if booking is None:
        await message.answer("Unknown booking code.")
        return
    booking.status = BookingStatus.NO_SHOW
    await session.commit()
    logger.info("staff %s marked booking %s as no-show; deposit retained", message.from_user.id, booking.id)
    await message.answer("Marked as no-show. The deposit is kept.")
