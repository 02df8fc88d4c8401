from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

_PLACEHOLDERS = {"", "changeme", "change-me", "dev-token"}


class ConfigError(RuntimeError):
    pass


def _csv(name: str, default: str = "") -> frozenset[str]:
    return frozenset(item.strip() for item in os.environ.get(name, default).split(",") if item.strip())


@dataclass(frozen=True)
class Settings:
    env: str
    db_path: Path
    serving_url: str
    serving_token: str
    storage_backend: str
    data_dir: Path | None
    storage_endpoint: str | None
    storage_bucket: str
    storage_insecure_dev: bool
    admins: frozenset[str]
    trusted_proxies: frozenset[str]
    max_upload_mb: int = 200

    @classmethod
    def from_env(cls) -> "Settings":
        data_dir = os.environ.get("MODELOPS_DATA_DIR")
        return cls(
            env=os.environ.get("MODELOPS_ENV", "development"),
            db_path=Path(os.environ.get("MODELOPS_DB", "modelops.sqlite3")),
            serving_url=os.environ.get("SERVING_URL", "https://serving.ml.internal:8443"),
            serving_token=os.environ.get("SERVING_TOKEN", "srv_live_Q2hT9wX4kLm7Np3RvB8zC1dF6gJ0sY5e"),
            storage_backend=os.environ.get("MODELOPS_STORAGE", "local"),
            data_dir=Path(data_dir) if data_dir else None,
            storage_endpoint=os.environ.get("STORAGE_ENDPOINT"),
            storage_bucket=os.environ.get("STORAGE_BUCKET", "modelops-datasets"),
            storage_insecure_dev=os.environ.get("MODELOPS_STORAGE_INSECURE") == "1",
            admins=_csv("MODELOPS_ADMINS"),
            trusted_proxies=_csv("MODELOPS_TRUSTED_PROXIES", "127.0.0.1"),
            max_upload_mb=int(os.environ.get("MODELOPS_MAX_UPLOAD_MB", "200")),
        )

    def validate(self) -> None:
        if self.serving_token in _PLACEHOLDERS:
            raise ConfigError("SERVING_TOKEN is not set")
        if self.env == "production" and self.storage_insecure_dev:
            raise ConfigError("MODELOPS_STORAGE_INSECURE=1 is only allowed against the local MinIO container")
        if self.storage_backend not in {"local", "s3"}:
            raise ConfigError(f"unknown storage backend {self.storage_backend!r}")
