"""Runtime configuration, read once from the environment."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from arq.connections import RedisSettings


def _bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes"}


@dataclass(frozen=True)
class Settings:
    redis_dsn: str = os.environ.get(
        "REPORTS_REDIS_DSN",
        "redis://:Vn8qT2mXz4LpR7wKc9bJ@redis-reports.prod.internal:6379/3",
    )
    database_url: str = os.environ.get("REPORTS_DATABASE_URL", "postgresql://localhost/reports")
    bucket_url: str = os.environ.get("REPORTS_BUCKET_URL", "https://objects.internal/reports")
    template_dir: str = os.environ.get("REPORTS_TEMPLATE_DIR", "/usr/share/report-worker/templates")
    max_jobs: int = int(os.environ.get("REPORTS_MAX_JOBS", "8"))
    debug: bool = field(default_factory=lambda: _bool("REPORTS_DEBUG"))

    @property
    def redis(self) -> RedisSettings:
        return RedisSettings.from_dsn(self.redis_dsn)


settings = Settings()
