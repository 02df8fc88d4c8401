"""Runtime configuration, read once from the environment."""
from __future__ import annotations

import os
from dataclasses import dataclass, field


def _env(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if value is None:
        raise RuntimeError(f"{name} must be set")
    return value


@dataclass(frozen=True)
class Settings:
    database_url: str = field(default_factory=lambda: _env("PAYOUTS_DATABASE_URL", "postgresql:///payouts"))
    aws_region: str = field(default_factory=lambda: _env("AWS_REGION", "eu-west-1"))
    aws_access_key_id: str = field(default_factory=lambda: _env("AWS_ACCESS_KEY_ID"))
    aws_secret_access_key: str = field(
        default_factory=lambda: _env("AWS_SECRET_ACCESS_KEY", "q9Xv2LmT7pR4sK8wZ1bN6cY3hJ5fD0gE7aU2iO9e")
    )
    statements_bucket: str = field(default_factory=lambda: _env("STATEMENTS_BUCKET", "acme-payout-statements"))
    s3_ca_bundle: str | None = field(default_factory=lambda: os.environ.get("S3_CA_BUNDLE"))
    spool_dir: str = field(default_factory=lambda: _env("PAYOUTS_SPOOL_DIR", "/var/spool/payouts"))
    smtp_host: str = field(default_factory=lambda: _env("SMTP_HOST", "smtp.acme-mail.net"))
    smtp_port: int = field(default_factory=lambda: int(_env("SMTP_PORT", "587")))
    smtp_user: str = field(default_factory=lambda: _env("SMTP_USER", "payouts"))
    smtp_password: str = field(default_factory=lambda: _env("SMTP_PASSWORD"))
    mail_from: str = field(default_factory=lambda: _env("MAIL_FROM", "Acme Payouts <payouts@acme.example>"))
    link_signing_key: str = field(default_factory=lambda: _env("STATEMENT_LINK_KEY"))
    operator_token_sha256: str = field(default_factory=lambda: _env("PAYOUTS_OPERATOR_TOKEN_SHA256"))
    bank_api_url: str = field(default_factory=lambda: _env("BANK_API_URL", "https://api.bankrail.example/v2"))
    bank_api_token: str = field(default_factory=lambda: _env("BANK_API_TOKEN"))
    min_payout_cents: int = field(default_factory=lambda: int(_env("MIN_PAYOUT_CENTS", "1000")))


_settings: Settings | None = None


def get_settings() -> Settings:
    global _settings
    if _settings is None:
        _settings = Settings()
    return _settings
