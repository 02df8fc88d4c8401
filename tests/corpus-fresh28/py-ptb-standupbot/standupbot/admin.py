import logging
import secrets

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import Forbidden
from telegram.ext import ContextTypes

from . import jobs, repository
from .auth import admin_only, setup_token_matches
from .db import Team

logger = logging.getLogger(__name__)


async def claim(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """First-run bootstrap: whoever presents the setup token becomes admin.

    Open to everyone on purpose; it only works once, while no admin exists.
    """
    admins: set[int] = context.bot_data["admin_ids"]
    presented = context.args[0] if context.args else ""
    if admins or not setup_token_matches(context.bot_data["settings"].setup_token, presented):
        await update.message.reply_text("Nothing to claim.")
        return
    admins.add(update.effective_user.id)
    context.bot_data["admin_filter"].add_user_ids(update.effective_user.id)
    logger.warning("user %s claimed admin with the setup token", update.effective_user.id)
    await update.message.reply_text("You are now the bot admin.")


async def new_team(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not context.args:
        await update.message.reply_text("Usage: /newteam <name> (run it in the team's group chat)")
        return
    code = secrets.token_urlsafe(8)
    with context.bot_data["sessions"].begin() as session:
        team = Team(name=context.args[0], chat_id=update.effective_chat.id, join_code=code)
        session.add(team)
        session.flush()
        jobs.schedule_team(context.job_queue, team, context.bot_data["settings"])
    await update.message.reply_text(f"Team created. Join code (share privately): `{code}`", parse_mode=ParseMode.MARKDOWN)


async def broadcast(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    text = " ".join(context.args)
    if not text:
        await update.message.reply_text("Usage: /broadcast <message>")
        return
    sent = 0
    with context.bot_data["sessions"]() as session:
        teams = repository.all_teams(session)
    for team in teams:
        try:
            await context.bot.send_message(team.chat_id, f"📣 {text}")
            sent += 1
        except Forbidden:
            logger.warning("bot was removed from chat %s (team %s)", team.chat_id, team.name)
    await update.message.reply_text(f"Sent to {sent} team chat(s).")


async def remove(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not context.args:
        await update.message.reply_text("Usage: /remove <team>")
        return
    with context.bot_data["sessions"]() as session:
        team = repository.team_by_name(session, context.args[0])
        members = repository.members_of(session, team.id) if team else []
    if not members:
        await update.message.reply_text("No members found.")
        return
    keyboard = [[InlineKeyboardButton(m.name, callback_data=f"rm:{m.id}")] for m in members]
    await update.message.reply_text("Remove which member?", reply_markup=InlineKeyboardMarkup(keyboard))


async def confirm_removal(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    member_id = int(query.data.split(":", 1)[1])
    with context.bot_data["sessions"].begin() as session:
        repository.remove_member(session, member_id)
    await query.answer("Removed")
    await query.edit_message_text("Member removed, along with their stand-up history.")
    logger.info("member %s removed by %s", member_id, query.from_user.id)


@admin_only
async def rotate_code(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    team_id = int(query.data.split(":", 1)[1])
    code = secrets.token_urlsafe(8)
    with context.bot_data["sessions"].begin() as session:
        team = session.get(Team, team_id)
        team.join_code = code
    await query.answer()
    await context.bot.send_message(query.from_user.id, f"New join code for {team.name}: {code}")


async def codes(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    with context.bot_data["sessions"]() as session:
        teams = repository.all_teams(session)
    keyboard = [[InlineKeyboardButton(f"Rotate {t.name}", callback_data=f"rotate:{t.id}")] for t in teams]
    await update.message.reply_text("Join codes", reply_markup=InlineKeyboardMarkup(keyboard))


async def export_csv(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    logger.info("export requested by %s in chat %s", update.effective_user.id, update.effective_chat.id)
    raise NotImplementedError("CSV export")
