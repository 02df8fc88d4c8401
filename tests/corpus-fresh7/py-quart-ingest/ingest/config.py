import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    scratch_dir: Path = field(default_factory=lambda: Path(tempfile.gettempdir()) / "ingest")
    database_url: str = os.getenv(
        "DATABASE_URL", "postgresql://ingest:Vq8rTz2LmXw4NcPe@pg-primary.internal:5432/ingest"
    )
    api_tokens: tuple[str, ...] = tuple(
        t for t in os.getenv("INGEST_API_TOKENS", "").split(",") if t
    )
    signing_secret: str = os.getenv("INGEST_SIGNING_SECRET", "")
    warehouse_url: str = os.getenv("WAREHOUSE_URL", "https://warehouse.internal/api")
    spool_dir: Path = Path(os.getenv("INGEST_SPOOL_DIR", "/home/gitlab-runner/builds/ingest/spool"))
    retention_days: int = int(os.getenv("INGEST_RETENTION_DAYS", "30"))


def load_settings() -> Settings:
    return Settings()
