from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.state import State, StatesGroup


class BookingForm(StatesGroup):
    choosing_slot = State()
    party_size = State()
    guest_name = State()
    confirming = State()


class RescheduleForm(StatesGroup):
    choosing_slot = State()


class SlotCallback(CallbackData, prefix="slot"):
    slot_id: int


class BookingCallback(CallbackData, prefix="bk"):
    action: str
    booking_id: int


class AdminSlotCallback(CallbackData, prefix="aslot"):
    action: str
    slot_id: int
