from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from unittest.mock import AsyncMock, MagicMock

from guildops import transcripts
from guildops.cogs.tickets import TicketControls, is_staff

from .conftest import assert_ephemeral, make_member


def fake_message(msg_id: int, text: str, attachments=()):
    return SimpleNamespace(
        id=msg_id,
        created_at=dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.timezone.utc),
        clean_content=text,
        author="alice#0001",
        attachments=list(attachments),
    )


def test_is_staff_checks_role(bot):
    assert is_staff(bot, make_member(1, role_ids=(42,)))
    assert not is_staff(bot, make_member(2, role_ids=(7,)))


async def test_close_rejects_strangers(bot, interaction):
    bot.store.get_ticket.return_value = {"owner_id": 123, "channel_id": 2222}
    view = TicketControls(bot)
    await view.close.callback(interaction)
    assert_ephemeral(interaction, "Only the ticket owner or staff")
    bot.store.close_ticket.assert_not_awaited()


def test_render_escapes_markup():
    html = transcripts.render("ticket-alice", [fake_message(1, "<script>alert(1)</script>")])
    assert "&lt;script&gt;" in html
    assert "<script>" not in html


async def test_archive_attachments_writes_files(tmp_path, monkeypatch):
    monkeypatch.setattr(transcripts, "ARCHIVE_DIR", tmp_path)
    attachment = MagicMock(filename="log.txt", size=10)
    attachment.save = AsyncMock()
    saved = await transcripts.archive_attachments("ticket-alice", [fake_message(5, "see log", [attachment])])
    assert saved == [tmp_path / "ticket-alice" / "5-log.txt"]
    attachment.save.assert_awaited_once_with(tmp_path / "ticket-alice" / "5-log.txt")
