from unittest.mock import AsyncMock

from aiogram.fsm.context import FSMContext
from aiogram.fsm.storage.base import StorageKey
from aiogram.fsm.storage.memory import MemoryStorage

from booking_bot.db import repo
from booking_bot.db.models import Booking, BookingStatus
from booking_bot.handlers import admin, user
from booking_bot.states import AdminSlotCallback, BookingCallback

from .conftest import make_user


def fsm(user_id: int = 2002) -> FSMContext:
    return FSMContext(storage=MemoryStorage(), key=StorageKey(bot_id=1, chat_id=user_id, user_id=user_id))


async def assert_status(session, booking_id: int, status: BookingStatus) -> None:
    booking = await session.get(Booking, booking_id)
    await session.refresh(booking)
    assert booking.status == status


async def test_guest_name_creates_booking_and_payment_link(message, session, slot, settings, payments):
    state = fsm()
    await state.update_data(slot_id=slot.id, party_size=4)
    message.text = "Rossi"

    await user.guest_name(message, state, session, settings, payments)

    payments.create_payment_link.assert_awaited_once()
    bookings = await repo.bookings_for_user(session, 2002)
    assert bookings[0].deposit_cents == 4 * settings.deposit_per_guest_cents
    assert bookings[0].payment_id == "pay_123"


async def test_cancel_refuses_other_users_booking(callback, session, slot, payments):
    booking = await repo.create_booking(session, slot.id, 3003, "Other", 2, 2000)
    await session.commit()

    await user.cancel_booking(callback, BookingCallback(action="cancel", booking_id=booking.id), session, payments)

    callback.answer.assert_awaited_once_with("Booking not found", show_alert=True)
    payments.refund.assert_not_awaited()


async def test_cancel_confirmed_booking(callback, session, slot, payments):
    booking = await repo.create_booking(session, slot.id, 2002, "Guest", 2, 2000)
    booking.status = BookingStatus.CONFIRMED
    booking.payment_id = "pay_9"
    await session.commit()

    await user.cancel_booking(callback, BookingCallback(action="cancel", booking_id=booking.id), session, payments)

    payments.refund.assert_awaited_once_with("pay_9", 2000)
    await assert_status(session, booking.id, BookingStatus.CANCELLED)


async def test_admin_close_slot(session, slot):
    cb = AsyncMock()
    cb.from_user = make_user(1001)
    cb.message = AsyncMock()
    await admin.close_slot(cb, AdminSlotCallback(action="close", slot_id=slot.id), session)


async def test_export_writes_csv(message, session, slot, settings):
    await repo.create_booking(session, slot.id, 2002, "Guest", 2, 2000)
    await session.commit()
    message.from_user = make_user(1001)

    await admin.export_bookings(message, session, settings)

    files = list(settings.export_dir.glob("bookings-*.csv"))
    assert len(files) == 1
    assert "Guest" in files[0].read_text()
