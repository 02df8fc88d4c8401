import os
from dataclasses import dataclass
from pathlib import Path

APP_DIR = Path(__file__).resolve().parent.parent

_PLACEHOLDERS = {"", "changeme", "xxx", "<set me>"}


def _secret(name: str) -> str:
    value = os.environ.get(name, "")
    if value.strip().lower() in _PLACEHOLDERS:
        raise RuntimeError(f"{name} is not configured")
    return value


@dataclass(frozen=True)
class Settings:
    database_url: str
    bank_base_url: str
    bank_api_key: str
    bank_callback_secret: str
    bank_ca_file: str | None
    approval_signing_key: str
    export_dir: Path
    currency: str = "GBP"


def load() -> Settings:
    return Settings(
        # Default is the local Unix socket, where TLS does not apply.
        database_url=os.environ.get("PAYROLL_DATABASE_URL", "postgresql:///payroll?sslmode=disable"),
        bank_base_url=os.environ.get("BANK_API_URL", "https://api.meridianbank.example/corporate/v2"),
        bank_api_key=_secret("BANK_API_KEY"),
        bank_callback_secret=_secret("BANK_CALLBACK_SECRET"),
        bank_ca_file=os.environ.get("BANK_CA_FILE"),
        approval_signing_key=_secret("APPROVAL_SIGNING_KEY"),
        export_dir=Path(os.environ.get("PAYROLL_EXPORT_DIR", APP_DIR / "var" / "exports")),
    )
