from __future__ import annotations

import asyncio
import logging
import logging.handlers

import discord

from .bot import GuildOps
from .config import load_settings


def configure_logging(level: str = "INFO") -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(handler)
    logging.getLogger("discord.http").setLevel(logging.WARNING)


async def run() -> None:
    settings = load_settings()
    configure_logging()
    discord.utils.setup_logging(root=False)
    async with GuildOps(settings) as bot:
        await bot.start(settings.discord_token)


def main() -> None:
    asyncio.run(run())


if __name__ == "__main__":
    main()
