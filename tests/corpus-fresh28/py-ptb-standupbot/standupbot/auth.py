import functools
import logging
import secrets

from telegram import Update
from telegram.ext import ContextTypes, filters

logger = logging.getLogger(__name__)


def admin_filter(admin_ids: frozenset[int]) -> filters.User:
    """Filter for CommandHandler(..., filters=...) on admin-only commands.

    allow_empty=False: with no admins configured nobody matches.
    """
    return filters.User(user_id=admin_ids, allow_empty=False)


def is_admin(context: ContextTypes.DEFAULT_TYPE, user_id: int) -> bool:
    return user_id in context.bot_data["admin_ids"]


def admin_only(handler):
    """Decorator for handlers that cannot take a filter (callback queries)."""

    @functools.wraps(handler)
    async def wrapper(update: Update, context: ContextTypes.DEFAULT_TYPE):
        user = update.effective_user
        if user is None or not is_admin(context, user.id):
            logger.warning("refused %s for user %s", handler.__name__, user and user.id)
            if update.callback_query:
                await update.callback_query.answer("Admins only", show_alert=True)
            return None
        return await handler(update, context)

    return wrapper


def setup_token_matches(expected: str, presented: str) -> bool:
    return bool(expected) and secrets.compare_digest(expected.encode(), presented.encode())
