from datetime import date
from unittest.mock import AsyncMock, patch

from standupbot import jobs, repository


@patch("standupbot.jobs.is_public_holiday", new=AsyncMock(return_value=False))
async def test_reminder_job_runs(context):
    await jobs.remind_missing(context)


@patch("standupbot.jobs.is_public_holiday", new=AsyncMock(return_value=True))
async def test_no_reminders_on_public_holidays(context):
    await jobs.remind_missing(context)
    context.bot.send_message.assert_not_awaited()


async def test_summary_opens_tracker_issue_for_new_blocker(context):
    with context.bot_data["sessions"].begin() as session:
        member = repository.member_by_telegram_id(session, 2001)
        repository.upsert_entry(
            session, member, date.today(), {"yesterday": "CI", "today": "release", "blockers": "staging down"}
        )
    context.bot_data["tracker"].create_issue = AsyncMock(return_value="TEST-12")

    await jobs.post_summary(context)

    context.bot_data["tracker"].create_issue.assert_awaited_once()
    assert context.bot_data["blocker_issues"] == {1: "TEST-12"}
