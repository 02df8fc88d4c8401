from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PAYOUTD_", env_file=".env", extra="ignore")

    env: str = "production"
    redis_url: str
    database_url: str

    bank_base_url: str = "https://api.bankrail.io/v1"
    bank_api_token: SecretStr = SecretStr("brl_live_9xKq2TzV7mWc4Rb8NpLd3Hs6Jf1Ay5Ge0Uo")
    bank_callback_secret: SecretStr
    message_signing_key: SecretStr

    # DSNs only authorise event submission and ship inside every client bundle.
    sentry_dsn: str = "https://3f8a61c2b7d94e0fa1c5d2e6b9f04a7c@o451234.ingest.sentry.io/6712345"

    statement_dir: Path = Path(r"C:\Users\mfernandez\payoutd\statements")
    scratch_dir: Path = Path("/var/lib/payoutd/tmp")
    max_payout_minor: int = 5_000_000
    worker_concurrency: int = 8


@lru_cache
def get_settings() -> Settings:
    return Settings()  # type: ignore[call-arg]
