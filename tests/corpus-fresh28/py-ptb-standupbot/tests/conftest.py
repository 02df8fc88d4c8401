from datetime import time
from pathlib import Path
from types import SimpleNamespace
from unittest.mock import AsyncMock, MagicMock
from zoneinfo import ZoneInfo

import pytest

from standupbot.config import Settings
from standupbot.db import Member, Team, make_session_factory

TEST_BOT_TOKEN = "123456:TEST-not-a-real-token"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    tz = ZoneInfo("Europe/Dublin")
    return Settings(
        bot_token=TEST_BOT_TOKEN,
        admin_ids=frozenset({1001}),
        setup_token="setup-for-tests",
        database_url="sqlite://",
        data_dir=tmp_path,
        tracker_url="https://tracker.test/api/v2",
        tracker_token="tracker-test-token",
        tracker_project="TEST",
        tracker_ca_bundle=None,
        timezone=tz,
        reminder_at=time(9, 30, tzinfo=tz),
        summary_at=time(11, 0, tzinfo=tz),
    )


@pytest.fixture
def sessions(settings):
    factory = make_session_factory(settings.database_url)
    with factory.begin() as session:
        team = Team(name="platform", chat_id=-100200300, join_code="k3y-platform")
        session.add(team)
        session.flush()
        session.add_all(
            [
                Member(telegram_id=2001, name="Aoife", team_id=team.id),
                Member(telegram_id=2002, name="Bartek", team_id=team.id),
            ]
        )
    return factory


@pytest.fixture
def context(settings, sessions):
    ctx = MagicMock()
    ctx.bot = AsyncMock()
    ctx.args = []
    ctx.bot_data = {
        "settings": settings,
        "sessions": sessions,
        "admin_ids": set(settings.admin_ids),
        "admin_filter": MagicMock(),
        "tracker": AsyncMock(),
    }
    ctx.job = SimpleNamespace(data=1, chat_id=-100200300)
    return ctx


def make_update(user_id: int, text: str = "", callback_data: str | None = None):
    update = MagicMock()
    update.effective_user.id = user_id
    update.effective_user.full_name = f"user {user_id}"
    update.effective_chat.id = user_id
    update.message.text = text
    update.message.reply_text = AsyncMock()
    if callback_data is None:
        update.callback_query = None
    else:
        update.callback_query.data = callback_data
        update.callback_query.from_user.id = user_id
        update.callback_query.answer = AsyncMock()
        update.callback_query.edit_message_text = AsyncMock()
    return update
