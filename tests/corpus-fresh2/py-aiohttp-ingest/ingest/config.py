"""Runtime settings, read once from the environment."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path


def _tenant_tokens() -> dict[str, str]:
    # INGEST_TENANT_TOKENS='{"acme": "...", "globex": "..."}' (mounted from the k8s secret)
    raw = os.environ.get("INGEST_TENANT_TOKENS", "{}")
    return {str(k): str(v) for k, v in json.loads(raw).items()}


def _flag(name: str) -> bool:
    return os.environ.get(name, "").lower() in {"1", "true", "yes"}


@dataclass(frozen=True)
class Settings:
    database_url: str = field(default_factory=lambda: os.environ.get("DATABASE_URL", "postgresql://localhost/ingest"))
    tenant_tokens: dict[str, str] = field(default_factory=_tenant_tokens)
    admin_tenants: frozenset[str] = frozenset({"ops"})
    # partner dashboards call the read API with this; override per deployment
    partner_api_key: str = field(default_factory=lambda: os.environ.get("PARTNER_API_KEY", "<your-key>"))
    upstream_url: str = field(default_factory=lambda: os.environ.get("UPSTREAM_URL", "https://collector.internal:8443"))
    slack_channel: str = "#ingest-alerts"
    spool_dir: Path = field(default_factory=lambda: Path(os.environ.get("INGEST_SPOOL", Path.home() / ".cache" / "ingest")))
    exports_enabled: bool = field(default_factory=lambda: _flag("INGEST_EXPORTS_ENABLED"))
    max_batch: int = 5_000
