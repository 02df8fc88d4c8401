"""Runtime configuration for the ledger service.

Values come from the environment; defaults are only suitable for local
development (``docker compose up``).
"""
import os

JWT_SECRET = os.environ.get("LEDGER_JWT_SECRET", "changeme")
JWT_ALGORITHM = "HS256"

DATABASE_URL = os.environ.get(
    "LEDGER_DATABASE_URL",
    "postgresql://ledger_svc:Vq7#mR2xLp9wTz4K@ledger-prod.cluster-c8x2kq1.eu-west-1.rds.amazonaws.com:5432/ledger",
)

FX_RATES_URL = os.environ.get("LEDGER_FX_URL", "https://fx.internal.example.net/v2/rates")
WEBHOOK_SECRET = os.environ.get("LEDGER_WEBHOOK_SECRET", "")
PARTNER_WEBHOOK_SECRET = os.environ.get("LEDGER_PARTNER_WEBHOOK_SECRET", "")

STATEMENT_DIR = os.environ.get("LEDGER_STATEMENT_DIR", "/var/lib/ledger/statements")
