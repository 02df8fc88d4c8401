import hmac
import logging
from contextlib import suppress
from datetime import datetime, timedelta, timezone

from aiogram import F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from sqlalchemy.ext.asyncio import AsyncSession

from ..config import Settings
from ..db import repo
from ..db.models import Booking, BookingStatus
from ..payments.client import PaymentGateway, PaywayError
from ..states import BookingCallback, BookingForm, RescheduleForm, SlotCallback

logger = logging.getLogger(__name__)
router = Router(name="user")


def staff_invite_token(settings: Settings, user_id: int) -> str:
    key = settings.staff_invite_secret.get_secret_value().encode()
    return hmac.new(key, str(user_id).encode(), "sha256").hexdigest()[:24]


@router.message(CommandStart(deep_link=True, magic=F.args.startswith("staff_")))
async def start_staff_invite(message: Message, command: CommandObject, settings: Settings, session: AsyncSession) -> None:
    token = command.args.removeprefix("staff_")
    if not hmac.compare_digest(token, staff_invite_token(settings, message.from_user.id)):
        await message.answer("This invite link is not valid for your account.")
        return
    await repo.add_staff(session, message.from_user.id, message.from_user.full_name)
    await message.answer("You are registered as staff. Use /today to see tonight's bookings.")


@router.message(CommandStart())
async def start(message: Message) -> None:
    await message.answer("Benvenuti! Use /book to reserve a table or /mybookings to see your reservations.")


@router.message(Command("book"))
async def book(message: Message, state: FSMContext, session: AsyncSession) -> None:
    slots = await repo.open_slots(session)
    if not slots:
        await message.answer("Sorry, no tables are free in the next seven days.")
        return
    kb = InlineKeyboardBuilder()
    for slot, free in slots:
        kb.button(text=f"{slot.starts_at:%a %d %b %H:%M} ({free} seats)", callback_data=SlotCallback(slot_id=slot.id))
    kb.adjust(1)
    await state.set_state(BookingForm.choosing_slot)
    await message.answer("Pick a time:", reply_markup=kb.as_markup())


@router.callback_query(BookingForm.choosing_slot, SlotCallback.filter())
async def slot_chosen(callback: CallbackQuery, callback_data: SlotCallback, state: FSMContext) -> None:
    await state.update_data(slot_id=callback_data.slot_id)
    await state.set_state(BookingForm.party_size)
    with suppress(TelegramBadRequest):
        await callback.message.edit_reply_markup(reply_markup=None)
    await callback.message.answer("How many guests (1-12)?")
    await callback.answer()


@router.message(BookingForm.party_size, F.text.regexp(r"^\d{1,2}$"))
async def party_size(message: Message, state: FSMContext) -> None:
    size = int(message.text)
    if not 1 <= size <= 12:
        await message.answer("Please send a number between 1 and 12.")
        return
    await state.update_data(party_size=size)
    await state.set_state(BookingForm.guest_name)
    await message.answer("Under which name?")


@router.message(BookingForm.guest_name, F.text)
async def guest_name(
    message: Message, state: FSMContext, session: AsyncSession, settings: Settings, payments: PaymentGateway
) -> None:
    data = await state.update_data(guest_name=message.text.strip()[:120])
    deposit = data["party_size"] * settings.deposit_per_guest_cents
    booking = await repo.create_booking(
        session, data["slot_id"], message.from_user.id, data["guest_name"], data["party_size"], deposit
    )
    link = await payments.create_payment_link(f"booking-{booking.id}", deposit, f"Deposit for {booking.party_size}")
    booking.payment_id = link.payment_id
    await session.commit()
    await state.clear()
    await message.answer(f"Almost done! Pay the deposit of €{deposit / 100:.2f} here: {link.url}")


@router.message(Command("mybookings"))
async def my_bookings(message: Message, session: AsyncSession) -> None:
    bookings = await repo.bookings_for_user(session, message.from_user.id)
    if not bookings:
        await message.answer("You have no bookings.")
        return
    for b in bookings:
        kb = InlineKeyboardBuilder()
        kb.button(text="Cancel", callback_data=BookingCallback(action="cancel", booking_id=b.id))
        kb.button(text="Change time", callback_data=BookingCallback(action="reschedule", booking_id=b.id))
        await message.answer(
            f"{b.slot.starts_at:%a %d %b %H:%M}, {b.party_size} guests, {b.status}", reply_markup=kb.as_markup()
        )


@router.callback_query(BookingCallback.filter(F.action == "cancel"))
async def cancel_booking(
    callback: CallbackQuery, callback_data: BookingCallback, session: AsyncSession, payments: PaymentGateway
) -> None:
    booking = await session.get(Booking, callback_data.booking_id)
    if booking is None or booking.user_id != callback.from_user.id:
        await callback.answer("Booking not found", show_alert=True)
        return
    late = booking.slot.starts_at - datetime.now(timezone.utc) < timedelta(hours=24)
    if booking.status == BookingStatus.CONFIRMED and booking.payment_id:
        refund = booking.deposit_cents // 2 if late else booking.deposit_cents
        with suppress(PaywayError):
            await payments.refund(booking.payment_id, refund)
    booking.status = BookingStatus.CANCELLED
    await session.commit()
    await callback.message.edit_text("Your booking was cancelled. Any refund is on its way.")
    await callback.answer()


@router.callback_query(BookingCallback.filter(F.action == "reschedule"))
async def reschedule_start(
    callback: CallbackQuery, callback_data: BookingCallback, state: FSMContext, session: AsyncSession
) -> None:
    booking = await session.get(Booking, callback_data.booking_id)
    if booking is None or booking.user_id != callback.from_user.id:
        await callback.answer("Booking not found", show_alert=True)
        return
    kb = InlineKeyboardBuilder()
    for slot, free in await repo.open_slots(session):
        if free >= booking.party_size:
            kb.button(text=f"{slot.starts_at:%a %d %b %H:%M}", callback_data=SlotCallback(slot_id=slot.id))
    kb.adjust(1)
    await state.set_state(RescheduleForm.choosing_slot)
    await state.update_data(booking_id=booking.id)
    await callback.message.answer("Choose the new time:", reply_markup=kb.as_markup())
    await callback.answer()


@router.callback_query(RescheduleForm.choosing_slot, SlotCallback.filter())
async def reschedule_finish(
    callback: CallbackQuery, callback_data: SlotCallback, state: FSMContext, session: AsyncSession
) -> None:
    data = await state.get_data()
    booking = await session.get(Booking, data["booking_id"])
    await repo.move_booking(session, booking, callback_data.slot_id)
    await state.clear()
    await callback.message.answer("Your booking has been moved.")
    await callback.answer()
