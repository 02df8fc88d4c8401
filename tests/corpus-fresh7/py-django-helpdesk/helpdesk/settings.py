"""Settings for the helpdesk project."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "tickets",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "tickets.middleware.InternalApiTokenMiddleware",
    "tickets.middleware.RequestTimingMiddleware",
]

ROOT_URLCONF = "helpdesk.urls"
WSGI_APPLICATION = "helpdesk.wsgi.application"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("POSTGRES_DB", "helpdesk"),
        "USER": os.environ.get("POSTGRES_USER", "helpdesk"),
        "PASSWORD": os.environ.get("POSTGRES_PASSWORD", ""),
        "HOST": os.environ.get("POSTGRES_HOST", "localhost"),
        "PORT": os.environ.get("POSTGRES_PORT", "5432"),
    }
}

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
LOGIN_URL = "/accounts/login/"

# Payments gateway used for refunds.
PAYMENTS_API_BASE = os.environ.get("PAYMENTS_API_BASE", "https://api.payments.example.com")
PAYMENTS_API_KEY = os.environ.get("PAYMENTS_API_KEY", "rk_live_4eC39HqLyjWDarjtT1zdp7dcTxR2Lm8vQ")
PAYMENTS_CA_BUNDLE = os.environ.get("PAYMENTS_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt")

INTERNAL_API_TOKEN = os.environ.get("INTERNAL_API_TOKEN", "")
HELPDESK_WEBHOOK_SECRET = os.environ.get("HELPDESK_WEBHOOK_SECRET", "")

TICKET_EXPORT_DIR = os.environ.get(
    "TICKET_EXPORT_DIR", "/Users/priya.raman/Projects/helpdesk/var/exports"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
TIME_ZONE = "UTC"
