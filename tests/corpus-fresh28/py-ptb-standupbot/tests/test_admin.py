from unittest.mock import AsyncMock

import pytest

from standupbot import admin, repository
from standupbot.auth import admin_only

from .conftest import make_update


async def test_broadcast_sends_to_every_team(context):
    context.args = ["deploy", "freeze", "from", "15:00"]
    context.bot.send_message = AsyncMock()
    update = make_update(1001)

    await admin.broadcast(update, context)


async def test_claim_refused_with_wrong_token(context):
    context.bot_data["admin_ids"] = set()
    context.args = ["guess"]
    update = make_update(3003)

    await admin.claim(update, context)

    assert context.bot_data["admin_ids"] == set()
    update.message.reply_text.assert_awaited_once_with("Nothing to claim.")


async def test_admin_only_blocks_non_admin_callback(context):
    inner = AsyncMock()
    wrapped = admin_only(inner)
    update = make_update(2001, callback_data="rotate:1")

    await wrapped(update, context)

    inner.assert_not_awaited()
    update.callback_query.answer.assert_awaited_once_with("Admins only", show_alert=True)


async def test_export_is_registered_but_reports_missing_feature(context):
    with pytest.raises(NotImplementedError):
        await admin.export_csv(make_update(1001), context)


async def test_remove_offers_each_member(context):
    context.args = ["platform"]
    update = make_update(1001)

    await admin.remove(update, context)

    markup = update.message.reply_text.await_args.kwargs["reply_markup"]
    labels = [row[0].text for row in markup.inline_keyboard]
    assert labels == ["Aoife", "Bartek"]
    with context.bot_data["sessions"]() as session:
        assert len(repository.members_of(session, 1)) == 2
