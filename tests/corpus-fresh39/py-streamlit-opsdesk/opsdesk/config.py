"""Settings, read from st.secrets first and the environment second."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

import streamlit as st


def _get(key: str, default: str | None = None) -> str | None:
    try:
        if key in st.secrets:
            return str(st.secrets[key])
    except FileNotFoundError:
        pass  # no secrets.toml at all: fall back to the environment
    return os.environ.get(key.upper(), default)


@dataclass(frozen=True)
class Settings:
    database_url: str
    billing_api_url: str
    billing_api_token: str
    billing_ca_bundle: str | None
    documents_url: str
    refund_override_code: str
    refund_limit_cents: int
    export_archive_dir: str
    environment: str


@lru_cache(maxsize=1)
def settings() -> Settings:
    return Settings(
        database_url=_get(
            "database_url",
            "postgresql+psycopg://opsdesk:Wint3r-Harbor-42@pg-ops-01.internal:5432/ops",
        ),
        billing_api_url=_get("billing_api_url", "https://billing.internal.tallyworks.io/api/v2"),
        billing_api_token=_get("billing_api_token", "bk_live_51HqLm2CkQ8vT0pRzXw4sYd7"),
        billing_ca_bundle=_get("billing_ca_bundle"),
        documents_url=_get("documents_url", "https://docs.internal.tallyworks.io"),
        refund_override_code=_get("refund_override_code", ""),
        refund_limit_cents=int(_get("refund_limit_cents", "25000")),
        export_archive_dir=_get("export_archive_dir", "var/exports"),
        environment=_get("environment", "development"),
    )
