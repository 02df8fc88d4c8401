import os

os.environ.setdefault("DJANGO_DEBUG", "1")

from .settings import *  # noqa: E402,F401,F403

DEBUG = True

SECRET_KEY = "tests-only-not-a-secret"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
NEWSWIRE = {"BASE_URL": "https://wire.test/v3", "API_KEY": "test", "CA_BUNDLE": None}
SYNDICATION_PARTNER_KEYS = {"regional-tv": "partner-test-key"}
PREVIEW_SIGNING_KEY = "preview-test-key"
