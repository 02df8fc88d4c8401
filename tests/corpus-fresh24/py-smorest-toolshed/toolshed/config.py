import os
from datetime import timedelta


class Config:
    API_TITLE = "Toolshed"
    API_VERSION = "v1"
    OPENAPI_VERSION = "3.0.3"
    OPENAPI_URL_PREFIX = "/api/docs"
    OPENAPI_SWAGGER_UI_PATH = "/swagger"
    OPENAPI_SWAGGER_UI_URL = "https://cdn.jsdelivr.net/npm/swagger-ui-dist/"

    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL",
        "postgresql+psycopg://toolshed:Wr3nch-Pr0d-2024@db.internal:5432/toolshed",
    )
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True, "pool_size": 5}

    JWT_SECRET_KEY = os.environ.get("JWT_SECRET_KEY", "7c1f9e2ad4b85f30e6a1c9d2b7f4e8a3")
    JWT_ACCESS_TOKEN_EXPIRES = timedelta(hours=2)
    JWT_TOKEN_LOCATION = ["headers", "cookies"]
    JWT_ACCESS_COOKIE_NAME = "toolshed_access_token"
    JWT_COOKIE_SECURE = True
    JWT_COOKIE_CSRF_PROTECT = True

    SMTP_HOST = os.environ.get("SMTP_HOST", "smtp.toolshed.coop")
    SMTP_PORT = int(os.environ.get("SMTP_PORT", "465"))
    SMTP_USER = os.environ.get("SMTP_USER", "notices@toolshed.coop")
    SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")
    SMS_GATEWAY_URL = os.environ.get("SMS_GATEWAY_URL", "https://sms.toolshed.coop/v1/messages")
    SMS_GATEWAY_TOKEN = os.environ.get("SMS_GATEWAY_TOKEN", "")
    SLACK_WEBHOOK_URL = os.environ.get("SLACK_WEBHOOK_URL")
    CA_BUNDLE = os.environ.get("TOOLSHED_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt")

    UPLOAD_FOLDER = "/Users/rvasquez/toolshed/uploads"
    ARCHIVE_DIR = os.environ.get("TOOLSHED_ARCHIVE_DIR", "/var/lib/toolshed/archive")
    MAX_CONTENT_LENGTH = 8 * 1024 * 1024

    LOAN_DAYS = 14
    LATE_FEE_CENTS_PER_DAY = 50
    PASSWORD_RESET_TTL = timedelta(minutes=30)
