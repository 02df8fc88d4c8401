import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")

INSTALLED_APPS = [
    "articles",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

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
    "default": dj_database_url.config(
        default="postgres://newsroom:Hx7!tQe92vLm@pg-primary.newsroom.internal:5432/newsroom",
        conn_max_age=600,
    )
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

WAGTAIL_SITE_NAME = "Northgate Courier"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "https://cms.northgatecourier.co.uk")

NEWSWIRE = {
    "BASE_URL": os.environ.get("NEWSWIRE_URL", "https://api.pressline.example/v3"),
    "API_KEY": os.environ.get("NEWSWIRE_API_KEY", ""),
    "CA_BUNDLE": os.environ.get("NEWSWIRE_CA_BUNDLE"),
}
SYNDICATION_PARTNER_KEYS = {
    k.split(":", 1)[0]: k.split(":", 1)[1]
    for k in os.environ.get("SYNDICATION_KEYS", "").split(",")
    if ":" in k
}
PREVIEW_SIGNING_KEY = os.environ.get("PREVIEW_SIGNING_KEY", "")
ARCHIVE_EXPORT_DIR = os.environ.get("ARCHIVE_EXPORT_DIR")

if not DEBUG:
    if not SECRET_KEY or SECRET_KEY.startswith("change-me"):
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production")
    if not NEWSWIRE["API_KEY"] or not PREVIEW_SIGNING_KEY:
        raise ImproperlyConfigured("NEWSWIRE_API_KEY and PREVIEW_SIGNING_KEY are required")

ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "www.northgatecourier.co.uk").split(",")
CSRF_TRUSTED_ORIGINS = ["https://cms.northgatecourier.co.uk"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = 0 if DEBUG else 31536000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"articles": {"handlers": ["console"], "level": "INFO"}},
}
