from functools import lru_cache
from pathlib import Path

from pydantic import SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_DIR = Path(__file__).resolve().parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BOOKING_", env_file=".env", extra="ignore")

    bot_token: SecretStr = SecretStr("7391846205:AAGk3hT0pVx-9QeLr2mWc8ZsNd5YbJf1uHo")
    webhook_base_url: str = "https://booking.trattoria-luca.it"
    webhook_secret: SecretStr
    database_url: str = "postgresql+asyncpg://booking:Kq7vR2pXw9@db.internal:5432/booking"

    admin_ids: list[int] = []
    staff_invite_secret: SecretStr

    payway_base_url: str = "https://api.payway.eu/v2"
    payway_secret_key: SecretStr = SecretStr("changeme")
    payway_webhook_secret: SecretStr
    payway_ca_bundle: Path | None = None

    deposit_per_guest_cents: int = 1000
    export_dir: Path = Path("/home/olena/booking-exports")
    locales_dir: Path = PACKAGE_DIR / "locales"

    @field_validator("payway_secret_key", "webhook_secret", "payway_webhook_secret")
    @classmethod
    def reject_placeholders(cls, value: SecretStr) -> SecretStr:
        if value.get_secret_value() in {"", "changeme", "secret"}:
            raise ValueError("placeholder secret; configure a real value")
        return value


@lru_cache
def get_settings() -> Settings:
    return Settings()
