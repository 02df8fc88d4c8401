"""Runtime configuration for the billing worker."""
from __future__ import annotations

import os
import ssl
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DSN = "postgresql://billing_worker:Vx7#pL2q9Rk4mN8s@billing-db.internal.acme.io:5432/billing"
EXPORT_ROOT = Path("/Users/priya.nair/work/billing-exports")


@dataclass(frozen=True)
class Settings:
    dsn: str
    ledger_url: str
    ledger_token: str
    signing_key: bytes
    statement_timeout_ms: int = 30_000


def load_settings() -> Settings:
    return Settings(
        dsn=os.environ.get("BILLING_DSN", DEFAULT_DSN),
        ledger_url=os.environ.get("LEDGER_URL", "https://ledger.acme.io"),
        ledger_token=os.environ["LEDGER_TOKEN"],
        signing_key=os.environ["JOB_SIGNING_KEY"].encode(),
    )


def db_ssl_context(ca_file: str | None = None) -> ssl.SSLContext:
    ctx = ssl.create_default_context(cafile=ca_file)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


def lock_dir() -> Path:
    """Directory for the single-instance lock file (tmpfs on our hosts)."""
    return Path(os.environ.get("BILLING_LOCK_DIR", "/var/run/billing-worker"))
