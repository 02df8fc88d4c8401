from __future__ import annotations

from unittest.mock import MagicMock

import discord

from guildops.cogs.moderation import Moderation, mod_embed

from .conftest import assert_ephemeral, make_member


async def test_warn_records_warning(bot, interaction):
    cog = Moderation(bot)
    bot.store.add_warning.return_value = 17
    target = make_member(99, name="spammer")
    await cog.warn.callback(cog, interaction, target, "link spam in #general")


async def test_warn_survives_closed_dms(bot, interaction):
    cog = Moderation(bot)
    bot.store.add_warning.return_value = 18
    target = make_member(99)
    target.send.side_effect = discord.Forbidden(MagicMock(status=403), "Cannot send messages to this user")
    await cog.warn.callback(cog, interaction, target, "slurs")
    bot.store.add_warning.assert_awaited_once_with(1111, 99, 10, "slurs")
    bot.mod_log.assert_awaited_once()


async def test_unwarn_reports_missing_warning(bot, interaction):
    cog = Moderation(bot)
    bot.store.delete_warning.return_value = False
    await cog.unwarn.callback(cog, interaction, 9)
    assert_ephemeral(interaction, "No warning #9")


async def test_purge_only_targets_member(bot, interaction):
    cog = Moderation(bot)
    target = make_member(99)
    await cog.purge.callback(cog, interaction, 50, target)
    interaction.channel.purge.assert_called_once
    interaction.followup.send.assert_awaited


def test_mod_embed_truncates_reason():
    embed = mod_embed("Warning", make_member(1), make_member(2), "x" * 3000)
    assert len(embed.fields[2].value) == 1024
