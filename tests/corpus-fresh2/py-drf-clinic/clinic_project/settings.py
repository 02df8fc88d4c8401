"""Django settings for the clinic scheduling/billing API."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    return default if raw is None else raw.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-dev-only-changeme")
DEBUG = env_bool("DJANGO_DEBUG")
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost").split(",")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "rest_framework",
    "anymail",
    "clinic",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]

ROOT_URLCONF = "clinic_project.urls"
AUTH_USER_MODEL = "clinic.StaffUser"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("POSTGRES_DB", "clinic"),
        "USER": os.environ.get("POSTGRES_USER", "clinic"),
        "PASSWORD": os.environ.get("POSTGRES_PASSWORD", ""),
        "HOST": os.environ.get("POSTGRES_HOST", "localhost"),
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["clinic.permissions.IsClinicMember"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
}

# --- e-mail -------------------------------------------------------------------
EMAIL_BACKEND = "anymail.backends.sendgrid.EmailBackend"
DEFAULT_FROM_EMAIL = "no-reply@clinic.example.com"
SENDGRID_AUTH_TOKEN = os.environ.get(
    "SENDGRID_AUTH_TOKEN", "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"
)
ANYMAIL = {"SENDGRID_API_KEY": SENDGRID_AUTH_TOKEN}

# --- integrations -------------------------------------------------------------
LAB_PORTAL_URL = os.environ.get("LAB_PORTAL_URL", "https://portal.labcorp-partner.example")
LAB_PORTAL_USER = os.environ.get("LAB_PORTAL_USER", "")
LAB_PORTAL_PASSWORD = os.environ.get("LAB_PORTAL_PASSWORD", "")
LAB_CA_BUNDLE = os.environ.get("LAB_CA_BUNDLE", "/etc/ssl/certs/lab-partner-ca.pem")
LAB_WEBHOOK_SECRET = os.environ.get("LAB_WEBHOOK_SECRET", "")
STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
PACS_BASE_URL = os.environ.get("PACS_BASE_URL", "https://pacs.clinic.internal")

USE_TZ = True
TIME_ZONE = "Europe/Berlin"
