from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache


class ConfigError(Exception):
    pass


def _csv(name: str) -> frozenset[str]:
    raw = os.environ.get(name, "")
    return frozenset(part.strip() for part in raw.split(",") if part.strip())


@dataclass(frozen=True)
class Settings:
    slack_bot_token: str
    slack_signing_secret: str
    database_url: str
    pager_base_url: str
    pager_api_token: str
    pager_inbound_token: str
    status_page_url: str
    admin_user_ids: frozenset[str] = field(default_factory=frozenset)
    incident_channel: str = "#incidents"
    use_socket_mode: bool = False
    slack_app_token: str | None = None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    bot_token = os.environ.get("SLACK_BOT_TOKEN", "xoxb-2183746201-5839201746382-Qm8vT2kLpX9sRb4nWz7YcH1e")
    signing_secret = os.environ.get("SLACK_SIGNING_SECRET")
    if not signing_secret:
        raise ConfigError("SLACK_SIGNING_SECRET must be set")
    return Settings(
        slack_bot_token=bot_token,
        slack_signing_secret=signing_secret,
        database_url=os.environ.get("ONCALL_DB_URL", "sqlite:////var/lib/oncall-bot/state.db"),
        pager_base_url=os.environ.get("PAGER_BASE_URL", "https://api.pagerly.io/v1"),
        pager_api_token=os.environ.get("PAGER_API_TOKEN", ""),
        pager_inbound_token=os.environ.get("PAGER_INBOUND_TOKEN", ""),
        status_page_url=os.environ.get("STATUS_PAGE_URL", "https://status.internal.example.com/api/updates"),
        admin_user_ids=_csv("ONCALL_ADMIN_USER_IDS"),
        incident_channel=os.environ.get("INCIDENT_CHANNEL", "#incidents"),
        use_socket_mode=os.environ.get("SLACK_SOCKET_MODE", "0") == "1",
        slack_app_token=os.environ.get("SLACK_APP_TOKEN"),
    )
