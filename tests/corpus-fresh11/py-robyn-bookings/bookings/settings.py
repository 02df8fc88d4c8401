from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


@dataclass(frozen=True)
class Settings:
    database_url: str = os.environ.get(
        "DATABASE_URL",
        "postgresql://bookings_svc:Hn4rT8wQ2zLp6VxK9m@db-primary.clinic-prod.internal:5432/bookings",
    )
    ca_bundle: str = os.environ.get("SSL_CERT_FILE", "/etc/ssl/certs/ca-certificates.crt")
    api_tokens: list[str] = field(default_factory=lambda: _split(os.environ.get("BOOKINGS_API_TOKENS")))
    webhook_secret: str = os.environ.get("WEBHOOK_SECRET", "")
    sms_api_key: str = os.environ.get("SMS_API_KEY", "")
    sms_base_url: str = os.environ.get("SMS_BASE_URL", "https://api.smsgate.example.com/v1")
    report_dir: Path = Path(os.environ.get("REPORT_DIR", "/Users/akhan/code/clinic/bookings/reports"))


settings = Settings()
