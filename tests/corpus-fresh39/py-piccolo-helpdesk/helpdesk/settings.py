import os
from pathlib import Path

ENVIRONMENT = os.environ.get("HELPDESK_ENV", "development")
PRODUCTION = ENVIRONMENT == "production"

ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "helpdesk.northwind.dev,localhost").split(",")

MAILGUN_SIGNING_KEY = os.environ.get("MAILGUN_SIGNING_KEY", "key-7f2b9d41c0e8a3f65b1d9e07c4a28f3e")
MAILGUN_MAX_AGE_SECONDS = 300

CHAT_WEBHOOK_URL = os.environ.get("CHAT_WEBHOOK_URL", "")
CHAT_TIMEOUT_SECONDS = float(os.environ.get("CHAT_TIMEOUT_SECONDS", "5"))

ATTACHMENT_DIR = Path(
    os.environ.get("ATTACHMENT_DIR", "/var/folders/kz/3m9h0xj1b5c7q2r8w4t6y0000gn/T/helpdesk-attachments")
)
MAX_ATTACHMENT_BYTES = 15 * 1024 * 1024

SESSION_COOKIE = "helpdesk_session"
