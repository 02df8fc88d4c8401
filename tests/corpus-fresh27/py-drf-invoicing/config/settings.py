import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "billing",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("POSTGRES_DB", "invoicing"),
        "USER": os.environ.get("POSTGRES_USER", "invoicing"),
        "PASSWORD": os.environ.get("POSTGRES_PASSWORD", ""),
        "HOST": os.environ.get("POSTGRES_HOST", "localhost"),
        "PORT": os.environ.get("POSTGRES_PORT", "5432"),
        "CONN_MAX_AGE": 60,
    }
}

STATIC_URL = "static/"
STATIC_ROOT = os.environ.get("STATIC_ROOT", "/var/www/invoicing/static")
MEDIA_ROOT = "/Users/dmitri/projects/invoicing-api/media"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
        "billing.permissions.PartnerKeyAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
}

CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0")
CELERY_TASK_ACKS_LATE = True

PAYRAIL = {
    "BASE_URL": os.environ.get("PAYRAIL_BASE_URL", "https://api.payrail.com/v3"),
    "SECRET_KEY": os.environ.get("PAYRAIL_SECRET_KEY", "prl_sk_live_9fJ2mQ7xR4vT8wK1bN6cZ3hYd0Ea"),
    "PUBLISHABLE_KEY": os.environ.get("PAYRAIL_PUBLISHABLE_KEY", "prl_pk_live_3Xc8Lm2Qw7Ry"),
    "WEBHOOK_SECRET": os.environ.get("PAYRAIL_WEBHOOK_SECRET", ""),
    "TIMEOUT": 10,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "file": {
            "class": "logging.handlers.WatchedFileHandler",
            "filename": os.environ.get("BILLING_LOG_FILE", "/var/log/invoicing/app.log"),
        },
    },
    "loggers": {"billing": {"handlers": ["console", "file"], "level": "INFO"}},
}
