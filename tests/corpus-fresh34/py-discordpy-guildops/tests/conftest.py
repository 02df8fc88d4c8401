from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from unittest.mock import AsyncMock, MagicMock

import discord
import pytest

from guildops.config import Settings


@pytest.fixture
def settings() -> Settings:
    return Settings(
        discord_token="test-discord-token",
        database_dsn="postgresql://localhost/guildops_test",
        guild_ids=[1111],
        staff_role_id=42,
        mod_log_channel_id=500,
        ticket_category_id=600,
        supporter_role_id=700,
        transcript_api_url="https://logs.invalid/api",
        transcript_api_key="test-transcript-key",
        kofi_verification_token="kofi-test-token",
        topgg_webhook_secret="topgg-test-secret",
        data_dir=Path("data"),
    )


@pytest.fixture
def bot(settings: Settings) -> MagicMock:
    b = MagicMock()
    b.settings = settings
    b.store = AsyncMock()
    b.logs = AsyncMock()
    b.mod_log = AsyncMock()
    b.latency = 0.05
    return b


def make_member(user_id: int, *, role_ids: tuple[int, ...] = (), name: str = "member") -> MagicMock:
    member = MagicMock(spec=discord.Member)
    member.id = user_id
    member.name = name
    member.mention = f"<@{user_id}>"
    member.roles = [SimpleNamespace(id=r) for r in role_ids]
    member.send = AsyncMock()
    member.timeout = AsyncMock()
    return member


@pytest.fixture
def interaction() -> MagicMock:
    inter = MagicMock(spec=discord.Interaction)
    inter.guild_id = 1111
    inter.channel_id = 2222
    inter.guild = MagicMock()
    inter.guild.name = "Larkspur"
    inter.user = make_member(10, name="mod")
    inter.response = MagicMock()
    inter.response.send_message = AsyncMock()
    inter.response.send_modal = AsyncMock()
    inter.response.defer = AsyncMock()
    inter.followup = MagicMock()
    inter.followup.send = AsyncMock()
    inter.channel = MagicMock()
    inter.channel.purge = AsyncMock(return_value=[object()] * 3)
    inter.channel.delete = AsyncMock()
    return inter


def assert_ephemeral(interaction: MagicMock, fragment: str) -> None:
    interaction.response.send_message.assert_awaited_once()
    args, kwargs = interaction.response.send_message.call_args
    assert kwargs.get("ephemeral") is True
    assert fragment in (args[0] if args else kwargs.get("content", ""))
