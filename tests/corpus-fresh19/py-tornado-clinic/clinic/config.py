from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def _env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    port: int = int(os.environ.get("CLINIC_PORT", "8888"))
    debug: bool = _env_bool("CLINIC_DEBUG", False)
    database_dsn: str = os.environ.get("CLINIC_DATABASE_DSN", "postgresql://clinic@localhost:5432/clinic")
    cookie_secret: str = os.environ.get("CLINIC_COOKIE_SECRET", "c7e1f04b9a2d4e8fb61d0a3c95e27f48d1b6a09e3f7c2d85")
    webhook_secret: str = os.environ.get("CLINIC_WEBHOOK_SECRET", "")
    upload_dir: Path = Path(os.environ.get("CLINIC_UPLOAD_DIR", "/var/lib/clinic/uploads"))
    ehr_base_url: str = os.environ.get("CLINIC_EHR_URL", "https://ehr.internal.example-health.org")
    sms_base_url: str = os.environ.get("CLINIC_SMS_URL", "https://api.smsgate.io")
    sms_api_key: str = os.environ.get("CLINIC_SMS_API_KEY", "")
    sms_ca_bundle: str | None = os.environ.get("CLINIC_SMS_CA_BUNDLE")
    template_path: str = "/home/ablake/src/clinic-scheduler/clinic/templates"
    session_days: int = 1


def load() -> Settings:
    return Settings()
