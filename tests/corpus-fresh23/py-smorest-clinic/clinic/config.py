import os
from datetime import timedelta


class Config:
    API_TITLE = "Clinic API"
    API_VERSION = "v1"
    OPENAPI_VERSION = "3.0.3"
    OPENAPI_URL_PREFIX = "/docs"
    OPENAPI_SWAGGER_UI_PATH = "/swagger"
    OPENAPI_SWAGGER_UI_URL = "https://cdn.jsdelivr.net/npm/swagger-ui-dist/"

    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "postgresql+psycopg://clinic@localhost/clinic")
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}

    JWT_SECRET_KEY = os.environ.get("JWT_SECRET_KEY", "c1in1c-jwt-7Hk2pQ9xLm4Rv8WsZ3nB")
    JWT_ACCESS_TOKEN_EXPIRES = timedelta(minutes=30)
    JWT_ERROR_MESSAGE_KEY = "message"

    # Kiosk tablets at reception authenticate with "<device id>:<secret>" in this header.
    DEVICE_KEY_HEADER = "X-Device-Key"

    SMS_GATEWAY_URL = os.environ.get("SMS_GATEWAY_URL", "https://api.sms-relay.example.com")
    SMS_GATEWAY_TOKEN = os.environ.get("SMS_GATEWAY_TOKEN", "")
    SMS_SENDER = os.environ.get("SMS_SENDER", "VetClinic")

    PAYMENTS_API_URL = os.environ.get("PAYMENTS_API_URL", "https://api.payments.example.com/v2")
    PAYMENTS_API_KEY = os.environ.get("PAYMENTS_API_KEY", "")
    PAYMENTS_WEBHOOK_SECRET = os.environ.get("PAYMENTS_WEBHOOK_SECRET", "")

    LAB_API_URL = os.environ.get("LAB_API_URL", "https://results.vetlab.example.org")
    LAB_CA_BUNDLE = os.environ.get("LAB_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt")

    LOG_DIR = os.environ.get("CLINIC_LOG_DIR", "/var/log/clinic")
