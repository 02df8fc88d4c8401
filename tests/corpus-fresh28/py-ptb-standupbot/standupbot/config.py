import os
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from zoneinfo import ZoneInfo

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDERS = {"", "changeme", "<setup-token>"}


def _ids(raw: str) -> frozenset[int]:
    return frozenset(int(part) for part in raw.replace(" ", "").split(",") if part)


@dataclass(frozen=True)
class Settings:
    bot_token: str
    admin_ids: frozenset[int]
    setup_token: str
    database_url: str
    data_dir: Path
    tracker_url: str
    tracker_token: str
    tracker_project: str
    tracker_ca_bundle: str | None
    timezone: ZoneInfo
    reminder_at: time
    summary_at: time
    holiday_country: str = "IE"

    @property
    def persistence_path(self) -> Path:
        return self.data_dir / "bot_state.pickle"


def load_settings() -> Settings:
    tz = ZoneInfo(os.getenv("STANDUP_TZ", "Europe/Dublin"))
    setup_token = os.getenv("STANDUP_SETUP_TOKEN", "")
    if setup_token in PLACEHOLDERS:
        # /claim stays disabled until a real token is configured
        setup_token = ""
    tracker_token = os.getenv("TRACKER_TOKEN")
    if not tracker_token:
        raise RuntimeError("TRACKER_TOKEN is required")
    return Settings(
        bot_token=os.getenv("BOT_TOKEN", "7093218845:AAFq3vX9c2LkQ8mW1nR5tYhJ0pZsE4uBdG7"),
        admin_ids=_ids(os.getenv("STANDUP_ADMIN_IDS", "")),
        setup_token=setup_token,
        database_url=os.getenv("DATABASE_URL", "sqlite:////home/mira/standupbot/standup.db"),
        data_dir=Path(os.getenv("STANDUP_DATA_DIR", PACKAGE_ROOT / "data")),
        tracker_url=os.getenv("TRACKER_URL", "https://tracker.example.com/api/v2"),
        tracker_token=tracker_token,
        tracker_project=os.getenv("TRACKER_PROJECT", "OPS"),
        tracker_ca_bundle=os.getenv("TRACKER_CA_BUNDLE"),
        timezone=tz,
        reminder_at=time(9, 30, tzinfo=tz),
        summary_at=time(11, 0, tzinfo=tz),
        holiday_country=os.getenv("STANDUP_HOLIDAY_COUNTRY", "IE"),
    )
