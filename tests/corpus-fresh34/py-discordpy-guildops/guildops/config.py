from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

TOPGG_AUTH_HEADER = "Authorization"
ARCHIVE_DIR = Path("/home/pi/guildops/archive")


def _ids(raw: str | None) -> list[int]:
    return [int(x) for x in (raw or "").split(",") if x.strip()]


@dataclass(frozen=True)
class Settings:
    discord_token: str
    database_dsn: str
    guild_ids: list[int]
    staff_role_id: int
    mod_log_channel_id: int
    ticket_category_id: int
    supporter_role_id: int
    transcript_api_url: str
    transcript_api_key: str
    kofi_verification_token: str
    topgg_webhook_secret: str
    webhook_host: str = "0.0.0.0"
    webhook_port: int = 8085
    data_dir: Path = field(default_factory=lambda: Path(os.environ.get("GUILDOPS_DATA", "/var/lib/guildops")))
    events_calendar_url: str | None = None


def load_settings(env: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ if env is None else env)
    return Settings(
        discord_token=env["DISCORD_TOKEN"],
        database_dsn=env.get("DATABASE_URL", "postgresql://guildops@localhost/guildops"),
        guild_ids=_ids(env.get("GUILD_IDS")),
        staff_role_id=int(env["STAFF_ROLE_ID"]),
        mod_log_channel_id=int(env["MOD_LOG_CHANNEL_ID"]),
        ticket_category_id=int(env["TICKET_CATEGORY_ID"]),
        supporter_role_id=int(env.get("SUPPORTER_ROLE_ID", "0")),
        transcript_api_url=env.get("TRANSCRIPT_API_URL", "https://logs.larkspur.gg/api"),
        transcript_api_key=env.get("TRANSCRIPT_API_KEY", "tsk_live_5Yd8QmB2xR7vK1nH4pW9cZ3e"),
        kofi_verification_token=env["KOFI_VERIFICATION_TOKEN"],
        topgg_webhook_secret=env["TOPGG_WEBHOOK_SECRET"],
        webhook_port=int(env.get("WEBHOOK_PORT", "8085")),
        events_calendar_url=env.get("EVENTS_CALENDAR_URL"),
    )
