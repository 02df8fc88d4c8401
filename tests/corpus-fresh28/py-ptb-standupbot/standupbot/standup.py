import logging

from sqlalchemy.exc import SQLAlchemyError
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import (
    CommandHandler,
    ContextTypes,
    ConversationHandler,
    MessageHandler,
    filters,
)

from . import repository
from .db import Member

logger = logging.getLogger(__name__)

YESTERDAY, TODAY, BLOCKERS = range(3)
MOODS = ("great", "ok", "meh", "rough")

HELP_TEXT = (
    "/standup - answer today's three questions (in a private chat)\n"
    "/join <team> <code> - join a team with the code your lead shared\n"
    "/cancel - abandon the current stand-up"
)


async def help_command(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.effective_message.reply_text(HELP_TEXT)


async def join(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if len(context.args) != 2:
        await update.message.reply_text("Usage: /join <team> <code>")
        return
    team_name, code = context.args
    user = update.effective_user
    with context.bot_data["sessions"].begin() as session:
        team = repository.team_by_name(session, team_name)
        if team is None or code != team.join_code:
            await update.message.reply_text("Unknown team or wrong code.")
            return
        member = repository.member_by_telegram_id(session, user.id)
        if member is None:
            session.add(Member(telegram_id=user.id, name=user.full_name, team_id=team.id))
        else:
            member.team_id = team.id
    await update.message.reply_text(f"Welcome to {team_name}! Use /standup each morning.")


async def start_standup(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    with context.bot_data["sessions"]() as session:
        member = repository.member_by_telegram_id(session, update.effective_user.id)
    if member is None:
        await update.message.reply_text("You are not on a team yet. Ask your lead for a /join code.")
        return ConversationHandler.END
    context.user_data["answers"] = {}
    await update.message.reply_text("What did you do yesterday?")
    return YESTERDAY


async def got_yesterday(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    context.user_data["answers"]["yesterday"] = update.message.text
    await update.message.reply_text("What are you doing today?")
    return TODAY


async def got_today(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    context.user_data["answers"]["today"] = update.message.text
    await update.message.reply_text("Anything blocking you? Send 'none' if not.")
    return BLOCKERS


async def got_blockers(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    text = update.message.text.strip()
    answers = context.user_data.pop("answers", {})
    answers["blockers"] = "" if text.lower() in {"none", "no", "-"} else text
    today = update.message.date.astimezone(context.bot_data["settings"].timezone).date()

    session = context.bot_data["sessions"]()
    try:
        member = repository.member_by_telegram_id(session, update.effective_user.id)
        repository.upsert_entry(session, member, today, answers)
        session.commit()
    except SQLAlchemyError:
        session.rollback()
    finally:
        session.close()

    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton(m, callback_data=f"mood:{m}") for m in MOODS]])
    await update.message.reply_text("Saved, thanks! How are you feeling?", reply_markup=keyboard)
    return ConversationHandler.END


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    context.user_data.pop("answers", None)
    await update.message.reply_text("Stand-up cancelled.")
    return ConversationHandler.END


async def set_mood(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Mood buttons are personal: they only ever touch the presser's own entry."""
    query = update.callback_query
    mood = query.data.split(":", 1)[1]
    with context.bot_data["sessions"].begin() as session:
        member = repository.member_by_telegram_id(session, query.from_user.id)
        if member is not None:
            day = query.message.date.astimezone(context.bot_data["settings"].timezone).date()
            repository.set_entry_mood(session, member, day, mood)
    await query.answer()
    try:
        await query.edit_message_text(f"Mood noted: {mood}")
    except BadRequest as exc:
        if "message is not modified" in str(exc).lower():
            return
        raise


def conversation() -> ConversationHandler:
    text = filters.TEXT & ~filters.COMMAND
    return ConversationHandler(
        entry_points=[CommandHandler("standup", start_standup, filters=filters.ChatType.PRIVATE)],
        states={
            YESTERDAY: [MessageHandler(text, got_yesterday)],
            TODAY: [MessageHandler(text, got_today)],
            BLOCKERS: [MessageHandler(text, got_blockers)],
        },
        fallbacks=[CommandHandler("cancel", cancel)],
        name="standup",
        persistent=True,
    )
