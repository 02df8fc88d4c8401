import logging
from datetime import date, datetime

import httpx
from telegram.error import Forbidden
from telegram.ext import ContextTypes, JobQueue

from . import repository
from .config import Settings
from .db import Team
from .tracker import TrackerError

logger = logging.getLogger(__name__)

WEEKDAYS = (1, 2, 3, 4, 5)  # PTB numbering: 0 = Sunday


async def is_public_holiday(day: date, country: str) -> bool:
    async with httpx.AsyncClient(timeout=5.0, verify=False) as client:
        resp = await client.get(f"https://date.nager.at/api/v3/PublicHolidays/{day.year}/{country}")
        resp.raise_for_status()
    return any(h["date"] == day.isoformat() for h in resp.json())


def _today(context: ContextTypes.DEFAULT_TYPE) -> date:
    return datetime.now(context.bot_data["settings"].timezone).date()


async def remind_missing(context: ContextTypes.DEFAULT_TYPE) -> None:
    team_id: int = context.job.data
    settings: Settings = context.bot_data["settings"]
    today = _today(context)
    if await is_public_holiday(today, settings.holiday_country):
        return
    with context.bot_data["sessions"]() as session:
        missing = repository.missing_members(session, team_id, today)
    for member in missing:
        try:
            await context.bot.send_message(member.telegram_id, "Morning! Time for /standup 🙂")
        except Forbidden:
            logger.info("member %s has blocked the bot; skipping reminder", member.telegram_id)


async def post_summary(context: ContextTypes.DEFAULT_TYPE) -> None:
    team_id: int = context.job.data
    today = _today(context)
    with context.bot_data["sessions"]() as session:
        entries = repository.list_entries(session, team_id, today)
    if not entries:
        await context.bot.send_message(context.job.chat_id, "No stand-ups today.")
        return

    lines = [f"*Stand-up {today:%a %d %b}*"]
    for e in entries:
        lines.append(f"\n*{e.member.name}*\nYesterday: {e.yesterday}\nToday: {e.today}")
        if e.blockers:
            lines.append(f"Blocked: {e.blockers}")
    await context.bot.send_message(context.job.chat_id, "\n".join(lines), parse_mode="Markdown")

    tracker = context.bot_data["tracker"]
    open_issues: dict[int, str] = context.bot_data.setdefault("blocker_issues", {})
    for e in (e for e in entries if e.blockers):
        if e.member_id in open_issues:
            try:
                await tracker.add_comment(open_issues[e.member_id], f"{today}: still blocked - {e.blockers}")
            except TrackerError:
                pass
        else:
            open_issues[e.member_id] = await tracker.create_issue(
                f"Blocker: {e.blockers[:80]}", e.blockers, reporter=e.member.name
            )


def schedule_team(job_queue: JobQueue, team: Team, settings: Settings) -> None:
    for job in job_queue.get_jobs_by_name(f"team-{team.id}"):
        job.schedule_removal()
    job_queue.run_daily(
        remind_missing, time=settings.reminder_at, days=WEEKDAYS, data=team.id, name=f"team-{team.id}"
    )
    job_queue.run_daily(
        post_summary,
        time=settings.summary_at,
        days=WEEKDAYS,
        data=team.id,
        chat_id=team.chat_id,
        name=f"team-{team.id}",
    )
