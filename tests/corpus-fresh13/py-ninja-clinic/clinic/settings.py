"""Django settings for the clinic API."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "localhost").split(",")
STATIC_ROOT = "/var/www/clinic/static"

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "clinic",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]

ROOT_URLCONF = "clinic.urls"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("DB_NAME", "clinic"),
        "USER": os.environ.get("DB_USER", "clinic"),
        "PASSWORD": os.environ.get("DB_PASSWORD", ""),
        "HOST": os.environ.get("DB_HOST", "localhost"),
        "PORT": os.environ.get("DB_PORT", "5432"),
    }
}

MEDIA_ROOT = os.environ.get("MEDIA_ROOT", "/Users/priya/code/clinic-api/media")

JWT_ISSUER = "https://auth.clinic.example.org"
JWT_AUDIENCE = "clinic-api"
JWT_PUBLIC_KEY_PATH = os.environ.get("JWT_PUBLIC_KEY_PATH", "/etc/clinic/jwt-public.pem")
STAFF_API_KEY = os.environ.get("STAFF_API_KEY", "")

LAB_BASE_URL = os.environ.get("LAB_BASE_URL", "https://lab-gateway.partner.example.net")

LOGGING = {
    "version": 1,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
