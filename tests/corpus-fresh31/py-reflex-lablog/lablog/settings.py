from functools import lru_cache
from pathlib import Path

from pydantic import field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LABLOG_", env_file=".env", extra="ignore")

    ingest_api_key: str
    instrument_webhook_secret: str
    instrument_api_url: str = "https://instruments.lab.internal/api/v1"
    instrument_ca_bundle: Path | None = Path("/etc/ssl/certs/lab-internal-ca.pem")
    lims_url: str = "https://lims.lab.internal"
    lims_token: str = ""
    session_hours: int = 12

    @field_validator("ingest_api_key", "instrument_webhook_secret")
    @classmethod
    def not_placeholder(cls, v: str) -> str:
        if len(v) < 24 or v.lower().startswith(("changeme", "replace")):
            raise ValueError("set a real secret (24+ characters)")
        return v


@lru_cache
def get_settings() -> Settings:
    return Settings()
