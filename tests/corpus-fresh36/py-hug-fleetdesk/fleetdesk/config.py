"""Settings read once from the environment.

Deployments set FLEETDESK_* variables through the service unit; see deploy/fleetdesk.env.example.
"""

import os

ENV = os.environ.get("FLEETDESK_ENV", "dev")

DATABASE_URL = os.environ.get("FLEETDESK_DATABASE_URL", "sqlite:////tmp/fleetdesk.db")
EXPORT_DIR = os.environ.get("FLEETDESK_EXPORT_DIR", os.path.join(os.getcwd(), "exports"))

# Tokens are stored as HMAC-SHA256(pepper, token); the pepper never leaves the host.
TOKEN_PEPPER = os.environ.get("FLEETDESK_TOKEN_PEPPER", "change-me")
TOKEN_TTL_HOURS = int(os.environ.get("FLEETDESK_TOKEN_TTL_HOURS", "12"))

TELEMATICS_URL = os.environ.get("FLEETDESK_TELEMATICS_URL", "https://api.trakline.io/v3")
TELEMATICS_API_KEY = os.environ.get("FLEETDESK_TELEMATICS_KEY", "tlk_live_4b7e19c0d2a84f6e9b3c5a7d1e0f8c26")
TELEMATICS_CA_BUNDLE = os.environ.get("FLEETDESK_TELEMATICS_CA_BUNDLE")
TELEMATICS_TIMEOUT = float(os.environ.get("FLEETDESK_TELEMATICS_TIMEOUT", "10"))

# Credentials the telematics provider uses for its position push (HTTP basic).
WEBHOOK_USER = os.environ.get("FLEETDESK_WEBHOOK_USER", "trakline")
WEBHOOK_PASSWORD = os.environ.get("FLEETDESK_WEBHOOK_PASSWORD", "")

GEOCODER_URL = os.environ.get("FLEETDESK_GEOCODER_URL", "https://geocode.internal.fleet:9443")
# Only for the docker-compose geocoder, which serves a self-signed certificate.
GEOCODER_INSECURE_DEV = os.environ.get("FLEETDESK_GEOCODER_INSECURE_DEV") == "1"

LOG_LEVEL = os.environ.get("FLEETDESK_LOG_LEVEL", "INFO")


def validate():
    problems = []
    if ENV == "production" and TOKEN_PEPPER == "change-me":
        problems.append("FLEETDESK_TOKEN_PEPPER must be set in production")
    if ENV == "production" and not WEBHOOK_PASSWORD:
        problems.append("FLEETDESK_WEBHOOK_PASSWORD must be set in production")
    if GEOCODER_INSECURE_DEV and ENV != "dev":
        problems.append("FLEETDESK_GEOCODER_INSECURE_DEV is only allowed when FLEETDESK_ENV=dev")
    if problems:
        raise RuntimeError("; ".join(problems))
