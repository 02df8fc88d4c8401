import os

PROJECT_ID = os.environ.get("GOOGLE_CLOUD_PROJECT", "acme-expenses-prod")
REGION = os.environ.get("FUNCTION_REGION", "europe-west1")

# OAuth client of the expenses web app; ID tokens carry it as their audience.
OAUTH_CLIENT_ID = os.environ.get(
    "OAUTH_CLIENT_ID", "730194418502-k3v9q1f0s2m7d8c4b6n5h1j0g2e3a9p7.apps.googleusercontent.com"
)
ALLOWED_DOMAIN = os.environ.get("ALLOWED_DOMAIN", "acme-corp.com")

RECEIPTS_BUCKET = os.environ.get("RECEIPTS_BUCKET", "acme-expenses-receipts")

OCR_ENDPOINT = os.environ.get("OCR_ENDPOINT", "https://api.receiptlens.io/v1/parse")
OCR_API_KEY = os.environ.get("OCR_API_KEY", "rl_live_6tWq3Zp8Xc1Vb7Nm2Lk9Jh4G")
OCR_CA_BUNDLE = os.environ.get("OCR_CA_BUNDLE")
OCR_TIMEOUT = float(os.environ.get("OCR_TIMEOUT", "20"))

CHAT_WEBHOOK_SECRET_ID = os.environ.get("CHAT_WEBHOOK_SECRET_ID", "chat-webhook-url")
CHAT_SIGNING_SECRET_ID = os.environ.get("CHAT_SIGNING_SECRET_ID", "chat-signing-secret")
CLOSE_TOKEN_SECRET_ID = os.environ.get("CLOSE_TOKEN_SECRET_ID", "month-close-token")

# Cloud Functions only offers an in-memory /tmp; used for the receipt being parsed, removed after.
SCRATCH_DIR = "/tmp"

STORAGE_SA_KEY_FILE = os.environ.get("STORAGE_SA_KEY_FILE", "/home/dkowalczyk/keys/acme-expenses-storage.json")

APPROVAL_LIMIT_CENTS = int(os.environ.get("APPROVAL_LIMIT_CENTS", "250000"))
