import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-not-a-secret")
if not DEBUG and SECRET_KEY == "dev-only-not-a-secret":
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set outside DEBUG")

ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "tastypie",
    "vehicles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

ROOT_URLCONF = "fleet.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.contrib.auth.context_processors.auth"]},
    }
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("FLEET_DB_NAME", "fleet"),
        "USER": os.environ.get("FLEET_DB_USER", "fleet"),
        "PASSWORD": os.environ.get("FLEET_DB_PASSWORD", ""),
        "HOST": os.environ.get("FLEET_DB_HOST", "localhost"),
        "PORT": os.environ.get("FLEET_DB_PORT", "5432"),
        "OPTIONS": {"sslmode": os.environ.get("FLEET_DB_SSLMODE", "verify-full")},
    }
}

TIME_ZONE = "Europe/Dublin"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_ROOT = Path(os.environ.get("FLEET_MEDIA_ROOT", BASE_DIR / "media"))

TASTYPIE_DEFAULT_FORMATS = ["json"]
TASTYPIE_FULL_DEBUG = DEBUG
API_LIMIT_PER_PAGE = 50

CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/3")
CELERY_TASK_ACKS_LATE = True

TELEMATICS_API_URL = os.environ.get("TELEMATICS_API_URL", "https://api.trakfleet.ie/v3")
TELEMATICS_COMMAND_URL = os.environ.get("TELEMATICS_COMMAND_URL", "https://cmd.trakfleet.ie")
TELEMATICS_API_TOKEN = os.environ.get("TELEMATICS_API_TOKEN", "tfk_live_4b9e2d71c0a84f3e9a6d5c2b1e8f7a60")
TELEMATICS_WEBHOOK_SECRET = os.environ.get("TELEMATICS_WEBHOOK_SECRET", "")
TELEMATICS_CA_BUNDLE = os.environ.get("TELEMATICS_CA_BUNDLE")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {
        "vehicles": {"handlers": ["console"], "level": "INFO"},
        "django.request": {"handlers": ["console"], "level": "WARNING"},
    },
}
