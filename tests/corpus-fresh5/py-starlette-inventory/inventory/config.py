"""Runtime configuration for the inventory service.

Values come from the environment. For local development copy
``deploy/env.example`` to ``.env`` (for example ``/home/<you>/src/inventory/.env``)
and run ``uvicorn inventory.app:app --reload``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    database_dsn: str = field(default_factory=lambda: os.environ["INVENTORY_DSN"])
    partner_webhook_secret: str = field(default_factory=lambda: os.environ.get("PARTNER_WEBHOOK_SECRET", ""))
    export_dir: Path = Path(os.environ.get("INVENTORY_EXPORT_DIR", "/home/rgallo/inventory/exports"))
    page_size: int = int(os.environ.get("INVENTORY_PAGE_SIZE", "100"))
    api_keys: frozenset[str] = frozenset(filter(None, os.environ.get("INVENTORY_API_KEYS", "").split(",")))


settings = Settings()
