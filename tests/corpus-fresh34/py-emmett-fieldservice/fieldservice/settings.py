from __future__ import annotations

import os

ENV = os.environ.get("FS_ENV", "development")

DATABASE_URL = os.environ.get("DATABASE_URL", "sqlite://fieldservice.db")
SESSION_KEY = os.environ.get("SESSION_KEY", "b7f3e1c94a0d2856f1e7c3a9d04b6e2f8c1a5d7e")
AUTH_HMAC_KEY = os.environ["AUTH_HMAC_KEY"] if ENV == "production" else os.environ.get("AUTH_HMAC_KEY", "dev-only-hmac")

SMS_API_URL = os.environ.get("SMS_API_URL", "https://api.relaytext.eu/v1")
SMS_API_KEY = os.environ.get("SMS_API_KEY", "")
SMS_SENDER = os.environ.get("SMS_SENDER", "NorthgateHV")
SMS_CALLBACK_TOKEN = os.environ.get("SMS_CALLBACK_TOKEN", "")

SUPPLIER_API_URL = os.environ.get("SUPPLIER_API_URL", "https://partsdesk.example-supplier.com/api")
SUPPLIER_API_KEY = os.environ.get("SUPPLIER_API_KEY", "")
SUPPLIER_CA_BUNDLE = os.environ.get("SUPPLIER_CA_BUNDLE")

SIGNATURE_DIR = "/tmp/fieldservice-signatures"
ATTACHMENT_MAX_BYTES = int(os.environ.get("ATTACHMENT_MAX_BYTES", str(5 * 1024 * 1024)))

LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
