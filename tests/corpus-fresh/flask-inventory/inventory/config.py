"""Application settings.

Values come from the environment; the defaults below are for local development.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

# Transactional mail goes through SendGrid's v3 API.
SENDGRID = "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"

PLACEHOLDER_TOKEN = "<your-supplier-token>"


@dataclass(frozen=True)
class Settings:
    secret_key: str
    database_url: str
    broker_url: str
    supplier_api: str
    supplier_token: str
    internal_tokens: frozenset[str] = field(default_factory=frozenset)
    page_size: int = 50

    @classmethod
    def from_env(cls) -> "Settings":
        token = os.environ.get("SUPPLIER_TOKEN", PLACEHOLDER_TOKEN)
        if token == PLACEHOLDER_TOKEN and os.environ.get("FLASK_ENV") == "production":
            raise RuntimeError("SUPPLIER_TOKEN must be set in production")
        return cls(
            secret_key=os.environ["FLASK_SECRET_KEY"],
            database_url=os.environ.get("DATABASE_URL", "sqlite:///inventory.db"),
            broker_url=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"),
            supplier_api=os.environ.get("SUPPLIER_API", "https://api.supplier.example.com"),
            supplier_token=token,
            internal_tokens=frozenset(filter(None, os.environ.get("INTERNAL_TOKENS", "").split(","))),
            page_size=int(os.environ.get("PAGE_SIZE", "50")),
        )
