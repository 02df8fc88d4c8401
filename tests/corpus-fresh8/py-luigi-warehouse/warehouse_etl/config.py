"""Connection settings for the ETL. Values come from the environment in production."""
from __future__ import annotations

import os

WAREHOUSE_DSN = os.getenv(
    "WAREHOUSE_DSN",
    "postgresql://etl_loader:Wh-Pr0d!9xLq27@warehouse-primary.db.internal:5432/analytics",
)
ORDERS_API_URL = os.getenv("ORDERS_API_URL", "https://orders.internal.example.com/api/v1")
ORDERS_API_TOKEN = os.getenv("ORDERS_API_TOKEN", "")
MANIFEST_SIGNING_KEY = os.environ.get("MANIFEST_SIGNING_KEY", "").encode()
STAGING_ROOT = os.getenv("ETL_STAGING_ROOT", "/tmp/warehouse-etl")
OPERATORS = {u.strip() for u in os.getenv("ETL_OPERATORS", "").split(",") if u.strip()}
