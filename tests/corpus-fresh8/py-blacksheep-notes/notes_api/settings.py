from __future__ import annotations

import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    database_url: str = field(default_factory=lambda: os.environ.get("DATABASE_URL", "postgresql://notes@localhost/notes"))
    jwt_secret: str = field(default_factory=lambda: os.environ["NOTES_JWT_SECRET"])
    jwt_audience: str = os.environ.get("NOTES_JWT_AUDIENCE", "notes-api")
    search_url: str = os.environ.get("SEARCH_URL", "https://search.internal.example.com")
    search_api_key: str = os.environ.get("SEARCH_API_KEY", "")
    attachments_dir: str = os.environ.get("ATTACHMENTS_DIR", "/home/jmarsh/projects/notes-api/var/attachments")
    share_link_secret: str = os.environ.get("SHARE_LINK_SECRET", "x9Qm2vT7pL4cW8nR1sB6yK3hJ5dF0gZa")
    metrics_token: str = os.environ.get("METRICS_TOKEN", "")


def load() -> Settings:
    return Settings()
