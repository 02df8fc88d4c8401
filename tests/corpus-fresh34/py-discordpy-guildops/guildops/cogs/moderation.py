from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

if TYPE_CHECKING:
    from ..bot import GuildOps

log = logging.getLogger(__name__)

MAX_TIMEOUT = dt.timedelta(days=28)


def mod_embed(action: str, target: discord.abc.User, moderator: discord.abc.User, reason: str) -> discord.Embed:
    embed = discord.Embed(title=action, colour=discord.Colour.orange(), timestamp=discord.utils.utcnow())
    embed.add_field(name="Member", value=f"{target.mention} (`{target.id}`)")
    embed.add_field(name="Moderator", value=moderator.mention)
    embed.add_field(name="Reason", value=reason[:1024], inline=False)
    return embed


class ReportModal(discord.ui.Modal, title="Report a member"):
    details = discord.ui.TextInput(
        label="What happened?",
        style=discord.TextStyle.paragraph,
        min_length=10,
        max_length=1000,
    )
    evidence = discord.ui.TextInput(label="Message link (optional)", required=False, max_length=200)

    def __init__(self, bot: "GuildOps", reported: discord.Member) -> None:
        super().__init__()
        self.bot = bot
        self.reported = reported

    async def on_submit(self, interaction: discord.Interaction) -> None:
        embed = mod_embed("Member report", self.reported, interaction.user, self.details.value)
        if self.evidence.value:
            embed.add_field(name="Evidence", value=self.evidence.value, inline=False)
        await self.bot.mod_log(embed)
        await interaction.response.send_message("Thanks, the moderators have your report.", ephemeral=True)


class Moderation(commands.Cog):
    def __init__(self, bot: "GuildOps") -> None:
        self.bot = bot

    @app_commands.command(name="ping", description="Check that the bot is alive")
    async def ping(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(f"Pong ({self.bot.latency * 1000:.0f} ms)", ephemeral=True)

    # Any member may file a report; it only reaches the moderators' log channel.
    @app_commands.command(name="report", description="Report a member to the moderators")
    @app_commands.guild_only()
    async def report(self, interaction: discord.Interaction, member: discord.Member) -> None:
        await interaction.response.send_modal(ReportModal(self.bot, member))

    @app_commands.command(name="warn", description="Warn a member")
    @app_commands.guild_only()
    @app_commands.default_permissions(moderate_members=True)
    @app_commands.checks.has_permissions(moderate_members=True)
    async def warn(self, interaction: discord.Interaction, member: discord.Member, reason: str) -> None:
        warning_id = await self.bot.store.add_warning(interaction.guild_id, member.id, interaction.user.id, reason)
        try:
            await member.send(f"You received a warning in **{interaction.guild.name}**: {reason}")
        except discord.Forbidden:
            # Members can close their DMs; the warning is stored and posted to the mod log regardless.
            log.info("could not DM warning %s to %s", warning_id, member.id)
        await self.bot.mod_log(mod_embed(f"Warning #{warning_id}", member, interaction.user, reason))
        await interaction.response.send_message(f"Warned {member.mention} (#{warning_id}).", ephemeral=True)

    @app_commands.command(name="warnings", description="List a member's warnings")
    @app_commands.guild_only()
    @app_commands.default_permissions(moderate_members=True)
    @app_commands.checks.has_permissions(moderate_members=True)
    async def warnings(self, interaction: discord.Interaction, member: discord.Member) -> None:
        rows = await self.bot.store.warnings_for(interaction.guild_id, member.id)
        if not rows:
            await interaction.response.send_message(f"{member.mention} has no warnings.", ephemeral=True)
            return
        lines = [f"#{w.id} · {discord.utils.format_dt(w.created_at, 'd')} · {w.reason}" for w in rows]
        embed = discord.Embed(title=f"Warnings for {member}", description="\n".join(lines)[:4000])
        await interaction.response.send_message(embed=embed, ephemeral=True)

    @app_commands.command(name="unwarn", description="Remove a warning")
    @app_commands.guild_only()
    @app_commands.default_permissions(moderate_members=True)
    @app_commands.checks.has_permissions(moderate_members=True)
    async def unwarn(self, interaction: discord.Interaction, warning_id: int) -> None:
        removed = await self.bot.store.delete_warning(interaction.guild_id, warning_id)
        text = f"Warning #{warning_id} removed." if removed else f"No warning #{warning_id} in this server."
        await interaction.response.send_message(text, ephemeral=True)

    @app_commands.command(name="timeout", description="Time a member out")
    @app_commands.guild_only()
    @app_commands.default_permissions(moderate_members=True)
    @app_commands.checks.has_permissions(moderate_members=True)
    async def timeout(self, interaction: discord.Interaction, member: discord.Member, minutes: app_commands.Range[int, 1, 40320], reason: str) -> None:
        duration = min(dt.timedelta(minutes=minutes), MAX_TIMEOUT)
        await member.timeout(duration, reason=f"{interaction.user}: {reason}")
        await self.bot.mod_log(mod_embed(f"Timeout ({minutes} min)", member, interaction.user, reason))
        await interaction.response.send_message(f"{member.mention} timed out for {minutes} minutes.", ephemeral=True)

    @app_commands.command(name="purge", description="Delete recent messages, optionally only from one member")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_messages=True)
    @app_commands.checks.has_permissions(manage_messages=True)
    @app_commands.describe(count="How many recent messages to scan", user="Only delete this member's messages")
    async def purge(self, interaction: discord.Interaction, count: app_commands.Range[int, 1, 200], user: discord.Member | None = None) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        deleted = await interaction.channel.purge(limit=count, reason=f"/purge by {interaction.user}")
        await interaction.followup.send(f"Deleted {len(deleted)} messages.", ephemeral=True)


async def setup(bot: "GuildOps") -> None:
    await bot.add_cog(Moderation(bot))
