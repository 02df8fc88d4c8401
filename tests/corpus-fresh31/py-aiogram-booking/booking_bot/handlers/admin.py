import csv
import logging
from datetime import datetime, timezone

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, FSInputFile, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from ..config import Settings
from ..db import repo
from ..db.models import Booking
from ..filters import IsAdmin
from ..states import AdminSlotCallback

logger = logging.getLogger(__name__)

router = Router(name="admin")
router.message.filter(IsAdmin())


@router.message(Command("addslot"))
async def add_slot(message: Message, command: CommandObject, session: AsyncSession) -> None:
    """/addslot 2024-06-01T19:30 24"""
    try:
        when_raw, capacity_raw = (command.args or "").split()
        starts_at = datetime.fromisoformat(when_raw).replace(tzinfo=timezone.utc)
        capacity = int(capacity_raw)
    except ValueError:
        await message.answer("Usage: /addslot YYYY-MM-DDTHH:MM CAPACITY")
        return
    slot = await repo.add_slot(session, starts_at, capacity)
    logger.info("admin %s added slot %s", message.from_user.id, slot.id)
    await message.answer(f"Slot #{slot.id} added for {starts_at:%a %d %b %H:%M} ({capacity} seats).")


@router.message(Command("slots"))
async def list_slots(message: Message, session: AsyncSession) -> None:
    slots = await repo.open_slots(session, days_ahead=14)
    if not slots:
        await message.answer("No open slots.")
        return
    for slot, free in slots:
        kb = InlineKeyboardBuilder()
        kb.button(text="Close slot", callback_data=AdminSlotCallback(action="close", slot_id=slot.id))
        await message.answer(f"#{slot.id} {slot.starts_at:%a %d %b %H:%M}: {free} free", reply_markup=kb.as_markup())


@router.callback_query(AdminSlotCallback.filter(F.action == "close"))
async def close_slot(callback: CallbackQuery, callback_data: AdminSlotCallback, session: AsyncSession) -> None:
    slot = await repo.close_slot(session, callback_data.slot_id)
    if slot is None:
        await callback.answer("Slot not found", show_alert=True)
        return
    logger.info("user %s closed slot %s", callback.from_user.id, slot.id)
    await callback.message.edit_text(f"#{slot.id} {slot.starts_at:%a %d %b %H:%M}: closed")
    await callback.answer()


@router.message(Command("export"))
async def export_bookings(message: Message, session: AsyncSession, settings: Settings) -> None:
    rows = (await session.scalars(select(Booking).order_by(Booking.created_at))).all()
    settings.export_dir.mkdir(parents=True, exist_ok=True)
    path = settings.export_dir / f"bookings-{datetime.now(timezone.utc):%Y%m%d-%H%M%S}.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "slot", "guest", "party", "status", "deposit_cents", "created_at"])
        for b in rows:
            writer.writerow(
                [b.id, b.slot.starts_at.isoformat(), b.guest_name, b.party_size, b.status, b.deposit_cents, b.created_at]
            )
    await message.answer_document(FSInputFile(path), caption=f"{len(rows)} bookings")
