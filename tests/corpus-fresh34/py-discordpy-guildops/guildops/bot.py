from __future__ import annotations

import logging

import discord
from aiohttp import web
from discord import app_commands
from discord.ext import commands

from .config import Settings
from .db import Store
from .transcripts import LogsApi
from .webhooks import build_webhook_app

log = logging.getLogger(__name__)

EXTENSIONS = (
    "guildops.cogs.moderation",
    "guildops.cogs.tickets",
    "guildops.cogs.events",
)


class GuildOps(commands.Bot):
    def __init__(self, settings: Settings) -> None:
        intents = discord.Intents.default()
        intents.members = True
        intents.message_content = True
        super().__init__(command_prefix=commands.when_mentioned, intents=intents, help_command=None)
        self.settings = settings
        self.store: Store | None = None
        self.logs: LogsApi | None = None
        self._webhook_runner: web.AppRunner | None = None

    async def setup_hook(self) -> None:
        self.store = await Store.connect(self.settings.database_dsn)
        self.logs = LogsApi(self.settings.transcript_api_url, self.settings.transcript_api_key)
        for ext in EXTENSIONS:
            await self.load_extension(ext)

        self._webhook_runner = web.AppRunner(build_webhook_app(self))
        await self._webhook_runner.setup()
        await web.TCPSite(self._webhook_runner, self.settings.webhook_host, self.settings.webhook_port).start()

        for guild_id in self.settings.guild_ids:
            guild = discord.Object(id=guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d commands to guild %s", len(synced), guild_id)

        self.tree.on_error = self.on_tree_error

    async def on_ready(self) -> None:
        log.info("logged in as %s (%s)", self.user, self.user and self.user.id)

    async def on_tree_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        if isinstance(error, app_commands.MissingPermissions):
            message = "You don't have permission to use this command."
        elif isinstance(error, app_commands.CheckFailure):
            message = "This command can't be used here."
        else:
            log.exception("command %s failed", interaction.command and interaction.command.qualified_name, exc_info=error)
            message = "Something went wrong. The staff team has been notified."
        if interaction.response.is_done():
            await interaction.followup.send(message, ephemeral=True)
        else:
            await interaction.response.send_message(message, ephemeral=True)

    async def mod_log(self, embed: discord.Embed) -> None:
        channel = self.get_channel(self.settings.mod_log_channel_id)
        if isinstance(channel, discord.TextChannel):
            await channel.send(embed=embed)

    async def close(self) -> None:
        if self._webhook_runner is not None:
            await self._webhook_runner.cleanup()
        if self.logs is not None:
            await self.logs.close()
        if self.store is not None:
            await self.store.close()
        await super().close()
