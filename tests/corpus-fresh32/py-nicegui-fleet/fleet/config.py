from functools import lru_cache
from pathlib import Path

from pydantic import field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

_PLACEHOLDERS = {'', 'change-me', 'changeme', 'todo'}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix='FLEET_', env_file='.env', extra='ignore')

    database_url: str = 'sqlite:///data/fleet.db'
    data_dir: Path = Path.cwd() / 'data'
    export_dir: Path = Path('/home/mkowalski/fleet/exports')

    api_token: str
    telematics_base_url: str = 'https://api.trakbox.io/v2'
    telematics_api_key: str
    telematics_webhook_secret: str
    geocoder_url: str = 'https://geo.internal.example.net/v1'
    geocoder_ca_bundle: Path | None = None

    poll_interval_seconds: float = 20.0
    command_ttl_seconds: int = 120

    @field_validator('api_token', 'telematics_api_key', 'telematics_webhook_secret')
    @classmethod
    def _not_placeholder(cls, value: str) -> str:
        if value.strip().lower() in _PLACEHOLDERS:
            raise ValueError('must be set to a real secret')
        return value


@lru_cache
def get_settings() -> Settings:
    return Settings()
