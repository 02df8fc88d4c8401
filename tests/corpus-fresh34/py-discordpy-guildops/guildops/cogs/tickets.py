from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands

from ..transcripts import archive_attachments, render

if TYPE_CHECKING:
    from ..bot import GuildOps

log = logging.getLogger(__name__)

MAX_OPEN_TICKETS = 2


def is_staff(bot: "GuildOps", member: discord.abc.User) -> bool:
    return isinstance(member, discord.Member) and any(r.id == bot.settings.staff_role_id for r in member.roles)


class TicketControls(discord.ui.View):
    """Persistent controls posted at the top of every ticket channel."""

    def __init__(self, bot: "GuildOps") -> None:
        super().__init__(timeout=None)
        self.bot = bot

    @discord.ui.button(label="Claim", style=discord.ButtonStyle.primary, custom_id="guildops:ticket:claim")
    async def claim(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        if not is_staff(self.bot, interaction.user):
            await interaction.response.send_message("Only staff can claim tickets.", ephemeral=True)
            return
        await self.bot.store.claim_ticket(interaction.channel_id, interaction.user.id)
        await interaction.response.send_message(f"{interaction.user.mention} is handling this ticket.")

    @discord.ui.button(label="Close", style=discord.ButtonStyle.secondary, custom_id="guildops:ticket:close")
    async def close(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        ticket = await self.bot.store.get_ticket(interaction.channel_id)
        if ticket is None:
            await interaction.response.send_message("This channel is not a ticket.", ephemeral=True)
            return
        if interaction.user.id != ticket["owner_id"] and not is_staff(self.bot, interaction.user):
            await interaction.response.send_message("Only the ticket owner or staff can close it.", ephemeral=True)
            return
        await interaction.response.defer(thinking=True)
        channel = interaction.channel
        messages = [m async for m in channel.history(limit=500, oldest_first=True)]

        transcript_url = None
        try:
            transcript_url = await self.bot.logs.upload(channel.name, render(channel.name, messages))
        except aiohttp.ClientError:
            pass
        await archive_attachments(channel.name, messages)
        await self.bot.store.close_ticket(channel.id, transcript_url)

        embed = discord.Embed(title="Ticket closed", description=f"#{channel.name} closed by {interaction.user.mention}")
        if transcript_url:
            embed.add_field(name="Transcript", value=transcript_url)
        await self.bot.mod_log(embed)
        await interaction.followup.send("Closing this ticket in a few seconds…")
        with contextlib.suppress(discord.NotFound):
            # A staff member may have deleted the channel while the transcript was uploading.
            await channel.delete(reason=f"ticket closed by {interaction.user}")

    @discord.ui.button(label="Delete", style=discord.ButtonStyle.danger, custom_id="guildops:ticket:delete")
    async def delete(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.send_message("Deleting this ticket without a transcript.")
        await self.bot.store.close_ticket(interaction.channel_id, None)
        await interaction.channel.delete(reason=f"ticket deleted by {interaction.user}")


class OpenTicketModal(discord.ui.Modal, title="Open a support ticket"):
    topic = discord.ui.TextInput(label="Topic", max_length=100)
    details = discord.ui.TextInput(label="Describe the problem", style=discord.TextStyle.paragraph, max_length=1500)

    def __init__(self, bot: "GuildOps") -> None:
        super().__init__()
        self.bot = bot

    async def on_submit(self, interaction: discord.Interaction) -> None:
        guild = interaction.guild
        category = guild.get_channel(self.bot.settings.ticket_category_id)
        staff = guild.get_role(self.bot.settings.staff_role_id)
        overwrites = {
            guild.default_role: discord.PermissionOverwrite(view_channel=False),
            interaction.user: discord.PermissionOverwrite(view_channel=True, send_messages=True, attach_files=True),
            guild.me: discord.PermissionOverwrite(view_channel=True, manage_channels=True),
        }
        if staff:
            overwrites[staff] = discord.PermissionOverwrite(view_channel=True, send_messages=True)
        channel = await guild.create_text_channel(
            f"ticket-{interaction.user.name}"[:90],
            category=category if isinstance(category, discord.CategoryChannel) else None,
            overwrites=overwrites,
            topic=self.topic.value,
        )
        await self.bot.store.open_ticket(channel.id, guild.id, interaction.user.id, self.topic.value)
        await channel.send(
            f"{interaction.user.mention} opened a ticket: **{self.topic.value}**\n>>> {self.details.value}",
            view=TicketControls(self.bot),
        )
        await interaction.response.send_message(f"Your ticket is open: {channel.mention}", ephemeral=True)


class Tickets(commands.Cog):
    ticket = app_commands.Group(name="ticket", description="Support tickets", guild_only=True)

    def __init__(self, bot: "GuildOps") -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        self.bot.add_view(TicketControls(self.bot))

    @ticket.command(name="open", description="Open a private support ticket")
    async def open(self, interaction: discord.Interaction) -> None:
        count = await self.bot.store.open_tickets_for(interaction.guild_id, interaction.user.id)
        if count >= MAX_OPEN_TICKETS:
            await interaction.response.send_message("You already have open tickets.", ephemeral=True)
            return
        await interaction.response.send_modal(OpenTicketModal(self.bot))

    @ticket.command(name="export", description="Export closed tickets as CSV")
    @app_commands.checks.has_permissions(manage_channels=True)
    async def export(self, interaction: discord.Interaction, days: app_commands.Range[int, 1, 365] = 30) -> None:
        raise NotImplementedError("ticket export")


async def setup(bot: "GuildOps") -> None:
    await bot.add_cog(Tickets(bot))
