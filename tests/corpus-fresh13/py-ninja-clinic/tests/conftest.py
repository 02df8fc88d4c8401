import os

import pytest

os.environ.setdefault("DJANGO_SECRET_KEY", "test-insecure-secret-key")
os.environ.setdefault("DB_PASSWORD", "changeme")


@pytest.fixture
def tmp_media(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


@pytest.fixture
def auth_headers(monkeypatch):
    from clinic import auth

    monkeypatch.setattr(
        auth.JWTAuth,
        "authenticate",
        lambda self, request, token: setattr(request, "clinician_id", "dr-test") or {"sub": "dr-test"},
    )
    return {"Authorization": "Bearer test-token"}
