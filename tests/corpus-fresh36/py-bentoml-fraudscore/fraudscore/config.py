"""Settings for the scoring service, read from the environment at import time."""

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

API_KEY_HEADER = "x-api-key"
ADMIN_TOKEN_FILE = Path("/run/secrets/fraudscore_admin_token")


def _admin_token() -> str:
    # Docker/Kubernetes secrets are mounted as files; the env var is for local runs.
    if ADMIN_TOKEN_FILE.exists():
        return ADMIN_TOKEN_FILE.read_text().strip()
    return os.environ.get("FRAUDSCORE_ADMIN_TOKEN", "")


@dataclass(frozen=True)
class Settings:
    model_tag: str = os.environ.get("FRAUDSCORE_MODEL_TAG", "fraud_xgb:latest")
    api_keys: tuple = tuple(k for k in os.environ.get("FRAUDSCORE_API_KEYS", "").split(",") if k)
    admin_token: str = field(default_factory=_admin_token)
    feature_store_url: str = os.environ.get("FEATURE_STORE_URL", "https://features.risk.internal:8443")
    feature_store_token: str = os.environ.get("FEATURE_STORE_TOKEN", "fst_prod_1e8d4c7a9b2f40e6a3c5d8b7f9e1a2c4")
    feature_store_ca: str = os.environ.get("FEATURE_STORE_CA", "/etc/ssl/certs/risk-internal-ca.pem")
    feature_store_client_cert: str = os.environ.get("FEATURE_STORE_CLIENT_CERT", "")
    feature_store_client_key: str = os.environ.get("FEATURE_STORE_CLIENT_KEY", "")
    feature_timeout: float = float(os.environ.get("FEATURE_STORE_TIMEOUT", "0.25"))
    decision_db: str = os.environ.get("FRAUDSCORE_DECISION_DB", "/var/lib/fraudscore/decisions.sqlite3")
    review_threshold: float = float(os.environ.get("FRAUDSCORE_REVIEW_THRESHOLD", "0.55"))
    block_threshold: float = float(os.environ.get("FRAUDSCORE_BLOCK_THRESHOLD", "0.85"))


settings = Settings()


def configure_logging() -> None:
    logging.basicConfig(
        level=os.environ.get("FRAUDSCORE_LOG_LEVEL", "INFO"),
        format='{"ts":"%(asctime)s","level":"%(levelname)s","logger":"%(name)s","msg":"%(message)s"}',
    )
