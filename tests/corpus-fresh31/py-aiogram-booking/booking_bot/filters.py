from aiogram.filters import BaseFilter
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from .config import Settings
from .db import repo


class IsAdmin(BaseFilter):
    """Owners configured in BOOKING_ADMIN_IDS."""

    async def __call__(self, event: Message | CallbackQuery, settings: Settings) -> bool:
        user = event.from_user
        return user is not None and user.id in settings.admin_ids


class IsStaff(BaseFilter):
    """Floor staff registered through an invite link; admins count as staff."""

    async def __call__(self, event: Message | CallbackQuery, settings: Settings, session: AsyncSession) -> bool:
        user = event.from_user
        if user is None:
            return False
        if user.id in settings.admin_ids:
            return True
        return await repo.is_staff(session, user.id)
