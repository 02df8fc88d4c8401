import hashlib
import os
import types

import pytest

os.environ.setdefault("DATABASE_URL", "sqlite+pysqlite:///:memory:")
os.environ.setdefault("PAYFLOW_WEBHOOK_SECRET", "whsec_changeme")
os.environ.setdefault("PAYFLOW_SECRET_KEY", "sk_test_placeholder")

import cherrypy  # noqa: E402


@pytest.fixture
def fake_request(monkeypatch):
    """Install a minimal cherrypy.request stand-in for tool and handler tests."""
    req = types.SimpleNamespace(
        headers={},
        login=None,
        roles=set(),
        json={},
        remote=types.SimpleNamespace(ip="127.0.0.1"),
        body=types.SimpleNamespace(read=lambda: b""),
    )
    monkeypatch.setattr(cherrypy, "request", req, raising=False)
    return req


@pytest.fixture
def token_row():
    return types.SimpleNamespace(
        owner="svc-storefront",
        revoked=False,
        roles=["invoices:write"],
        secret_hash=hashlib.sha256(b"changeme").hexdigest(),
    )
