from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    database_url: str
    listen_addr: str
    max_workers: int
    partner_api_base: str
    partner_api_key: str
    tls_cert_file: str | None
    tls_key_file: str | None
    build: str


def load_settings() -> Settings:
    return Settings(
        database_url=os.environ.get("LEDGER_DB_URL", "sqlite:////var/lib/ledger/ledger.db"),
        listen_addr=os.environ.get("LEDGER_LISTEN", "[::]:50051"),
        max_workers=int(os.environ.get("LEDGER_WORKERS", "16")),
        partner_api_base=os.environ.get("PARTNER_API_BASE", "https://payouts.partnerhub.io/v2"),
        partner_api_key=os.environ.get("PARTNER_API_KEY", "lp_live_9f8a7c6e5d4b3a2f1e0d9c8b7a6f5e4d"),
        tls_cert_file=os.environ.get("LEDGER_TLS_CERT"),
        tls_key_file=os.environ.get("LEDGER_TLS_KEY"),
        build=os.environ.get("LEDGER_BUILD", "local"),
    )
