from __future__ import annotations

import os
import time

import jwt
import pytest

os.environ.setdefault("NOTES_JWT_SECRET", "changeme")

from notes_api.settings import Settings  # noqa: E402


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(
        database_url="postgresql://notes@localhost/notes_test",
        jwt_secret="test-secret",
        attachments_dir=str(tmp_path / "attachments"),
        share_link_secret="test-share-secret",
        metrics_token="test-metrics-token",
    )


@pytest.fixture
def make_token(settings: Settings):
    def _make(sub: str = "user-1", roles: list[str] | None = None) -> str:
        claims = {"sub": sub, "aud": settings.jwt_audience, "roles": roles or [], "exp": int(time.time()) + 60}
        return jwt.encode(claims, settings.jwt_secret, algorithm="HS256")

    return _make
