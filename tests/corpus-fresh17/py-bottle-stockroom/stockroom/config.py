from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

OVERRIDES_FILE = Path(os.getenv("STOCKROOM_OVERRIDES", "/etc/stockroom/overrides.json"))

# Account identifier printed on supplier invoices; not a credential.
SUPPLIER_ACCOUNT_ID = "acct_1NvQ2cH8sLbX4kTz"


@dataclass(frozen=True)
class Settings:
    database_path: str
    api_keys: frozenset[str]
    cookie_secret: str
    supplier_base_url: str
    supplier_webhook_secret: str
    smtp_host: str
    smtp_user: str
    smtp_password: str
    label_template_dir: str
    export_dir: str
    supplier_account: str = SUPPLIER_ACCOUNT_ID
    low_stock_threshold: int = 5
    extra: dict = field(default_factory=dict)


def _load_overrides() -> dict:
    try:
        with OVERRIDES_FILE.open() as fh:
            return json.load(fh)
    except FileNotFoundError:
        # Overrides are optional; the environment carries everything required.
        return {}


def load_settings() -> Settings:
    overrides = _load_overrides()
    return Settings(
        database_path=os.getenv("STOCKROOM_DB", "/var/lib/stockroom/stockroom.sqlite3"),
        api_keys=frozenset(k for k in os.environ["STOCKROOM_API_KEYS"].split(",") if k),
        cookie_secret=os.environ["STOCKROOM_COOKIE_SECRET"],
        supplier_base_url=os.getenv("SUPPLIER_BASE_URL", "https://api.northwind-supply.com/v2"),
        supplier_webhook_secret=os.environ["SUPPLIER_WEBHOOK_SECRET"],
        smtp_host=os.getenv("SMTP_HOST", "smtp.sendgrid.net"),
        smtp_user=os.getenv("SMTP_USER", "apikey"),
        smtp_password=os.getenv("SMTP_PASSWORD", "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"),
        label_template_dir=os.getenv("LABEL_TEMPLATES", "/home/jkim/projects/stockroom/templates/labels"),
        export_dir=os.getenv("STOCKROOM_EXPORT_DIR", "/tmp/stockroom-exports"),
        low_stock_threshold=int(overrides.get("low_stock_threshold", 5)),
        extra=overrides,
    )
