import os
from pathlib import Path

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
DB_URL = os.environ["REPORTS_DB_URL"]
LOCK_DIR = Path("/var/lock/reportctl")

SENDGRID_API_KEY = os.getenv(
    "SENDGRID_API_KEY", "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"
)
SMTP_HOST = os.getenv("SMTP_HOST", "smtp.internal.acme.net")
SMTP_PORT = int(os.getenv("SMTP_PORT", "465"))

OUTPUT_DIR = Path(os.getenv("REPORTS_OUTPUT_DIR", r"C:\Users\jlee\work\reportctl\out"))
TEMPLATE_DIR = Path(__file__).parent / "templates"

OPERATOR_TOKEN = os.getenv("REPORTS_OPERATOR_TOKEN", "")
LINK_SIGNING_KEY = os.environ.get("REPORTS_LINK_KEY", "").encode()
