from functools import lru_cache

from pydantic import field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix='PAYMENTS_', extra='ignore')

    kafka_brokers: str = 'kafka://localhost:9092'
    datadir: str = './var/faust'
    web_port: int = 6066

    database_url: str | None = None
    pg_ca_file: str | None = None

    acquirer_base_url: str = 'https://api.northpay-acquiring.com/v4'
    acquirer_api_key: str
    acquirer_merchant_account: str
    acquirer_webhook_secret: str

    ops_token: str

    settlement_interval_seconds: float = 300.0

    @field_validator('ops_token', 'acquirer_webhook_secret')
    @classmethod
    def _reject_placeholders(cls, value: str) -> str:
        if len(value) < 24 or value.lower().startswith(('change', 'example', 'xxx')):
            raise ValueError('secret is missing or a placeholder')
        return value


@lru_cache
def get_settings() -> Settings:
    return Settings()
