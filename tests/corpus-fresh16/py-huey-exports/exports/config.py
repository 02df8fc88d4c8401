import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    database_url: str
    redis_url: str
    bucket_endpoint: str
    bucket_name: str
    bucket_token: str
    signing_key: bytes
    spool_dir: Path
    retention_days: int = 14


def load_settings(env=None) -> Settings:
    env = os.environ if env is None else env
    return Settings(
        database_url=env.get(
            "EXPORTS_DATABASE_URL",
            "postgresql+psycopg://exports:Vq7mR2xLp9sT4wZe@pg-primary.internal:5432/exports",
        ),
        redis_url=env.get("EXPORTS_REDIS_URL", "redis://localhost:6379/3"),
        bucket_endpoint=env.get("EXPORTS_BUCKET_ENDPOINT", "https://objects.eu-central.example-cloud.net"),
        bucket_name=env.get("EXPORTS_BUCKET", "tenant-exports"),
        bucket_token=env["EXPORTS_BUCKET_TOKEN"],
        signing_key=env["EXPORTS_SIGNING_KEY"].encode(),
        spool_dir=Path(env.get("EXPORTS_SPOOL_DIR", "/var/spool/exports")),
        retention_days=int(env.get("EXPORTS_RETENTION_DAYS", "14")),
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
