from __future__ import annotations

import os
from dataclasses import dataclass

INTERNAL_KEY_HEADER = "x-internal-key"


@dataclass(frozen=True)
class Settings:
    database_url: str
    listen_addr: str
    token_secret: str
    internal_key: str
    tls_cert_file: str | None
    tls_key_file: str | None
    client_ca_file: str | None
    pricing_url: str
    pricing_ca_bundle: str | None
    supplier_feed_url: str
    max_workers: int = 16


def load_settings(env: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ if env is None else env)
    return Settings(
        database_url=env.get("INVENTORY_DATABASE_URL", "sqlite:////var/lib/inventory/inventory.db"),
        listen_addr=env.get("INVENTORY_LISTEN", "[::]:50051"),
        token_secret=env.get("INVENTORY_TOKEN_SECRET", "k3Jd9sLq0Zx8vB2nM5cR7tY1wE4uI6oP"),
        internal_key=env.get("INVENTORY_INTERNAL_KEY", ""),
        tls_cert_file=env.get("INVENTORY_TLS_CERT"),
        tls_key_file=env.get("INVENTORY_TLS_KEY"),
        client_ca_file=env.get("INVENTORY_CLIENT_CA"),
        pricing_url=env.get("PRICING_URL", "https://pricing.internal.example.com"),
        pricing_ca_bundle=env.get("PRICING_CA_BUNDLE"),
        supplier_feed_url=env.get("SUPPLIER_FEED_URL", "https://feeds.supplier-portal.example.net/v2/stock"),
        max_workers=int(env.get("INVENTORY_MAX_WORKERS", "16")),
    )
