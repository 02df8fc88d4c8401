import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "r8#kq2$vz!m4wp@x7n0f%j3t^h6c&y9e*ub1s+ga5lo(di)")
DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(",")

INSTALLED_APPS = [
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "channels",
    "rides",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

ROOT_URLCONF = "dispatch.urls"
ASGI_APPLICATION = "dispatch.asgi.application"

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
            ]
        },
    }
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("POSTGRES_DB", "dispatch"),
        "USER": os.environ.get("POSTGRES_USER", "dispatch"),
        "PASSWORD": os.environ.get("POSTGRES_PASSWORD", ""),
        "HOST": os.environ.get("POSTGRES_HOST", "localhost"),
        "PORT": os.environ.get("POSTGRES_PORT", "5432"),
        "CONN_MAX_AGE": 60,
    }
}

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")

CHANNEL_LAYERS = {
    "default": {
        "BACKEND": "channels_redis.core.RedisChannelLayer",
        "CONFIG": {
            "hosts": [
                {
                    "address": REDIS_URL,
                    # ElastiCache in-transit encryption uses an Amazon-issued cert per node
                    "ssl_cert_reqs": None,
                }
            ],
            "capacity": 1500,
            "expiry": 30,
        },
    }
}

STATIC_URL = "static/"
STATIC_ROOT = os.environ.get("STATIC_ROOT", "/var/www/dispatch/static")

TIME_ZONE = "UTC"
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Public token for the rider web map; scoped to styles:read and tiles:read
MAPBOX_PUBLIC_TOKEN = "pk.eyJ1IjoiZGlzcGF0Y2gtd2ViIiwiYSI6ImNsdDRxZ3A5YjBrZ2Iya3BsZ2h4dTN4aGEifQ.7sYw1oVx5qk0RzJm2bq6Fg"

PAYMENTS_WEBHOOK_SECRET = os.environ.get("PAYMENTS_WEBHOOK_SECRET", "")
DEVICE_TOKEN_PEPPER = os.environ.get("DEVICE_TOKEN_PEPPER", "")

APNS = {
    "team_id": os.environ.get("APNS_TEAM_ID", "9QH4C2L7RX"),
    "key_id": os.environ.get("APNS_KEY_ID", "8K2XW5M3TQ"),
    "topic": "com.dispatch.driver",
    "key_file": "/home/ana/keys/apns/AuthKey_8K2XW5M3TQ.p8",
    "host": os.environ.get("APNS_HOST", "https://api.push.apple.com"),
}

DRIVER_SEARCH_RADIUS_KM = float(os.environ.get("DRIVER_SEARCH_RADIUS_KM", "5"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
