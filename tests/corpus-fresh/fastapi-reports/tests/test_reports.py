from __future__ import annotations

from datetime import date

import jwt
import pytest
from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient

from app import security
from app.main import create_app
from app.security import get_current_admin
from app.store import InMemoryStore, Report

SECRET = "unit-test-secret"


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setattr(security, "JWT_SECRET", SECRET)
    store = InMemoryStore(
        [
            Report(id="r1", org_id="o1", title="Q1", period_start=date(2024, 1, 1), period_end=date(2024, 3, 31)),
            Report(id="r2", org_id="o2", title="Q1", period_start=date(2024, 1, 1), period_end=date(2024, 3, 31)),
        ]
    )
    return TestClient(create_app(store))


def token(**claims) -> str:
    base = {"sub": "u1", "org_id": "o1", "scopes": ["reports:read"]}
    return jwt.encode({**base, **claims}, SECRET, algorithm="HS256")


def test_list_reports_requires_token(client):
    assert client.get("/reports").status_code == 401


def test_list_reports_is_scoped_to_org(client):
    resp = client.get("/reports", headers={"Authorization": f"Bearer {token()}"})
    assert [r["id"] for r in resp.json()] == ["r1"]


def test_other_orgs_report_is_404(client):
    resp = client.get("/reports/r2", headers={"Authorization": f"Bearer {token()}"})
    assert resp.status_code == 404


def test_admin_dependency_blocks_regular_users():
    app = FastAPI()

    @app.get("/probe")
    def probe(user=Depends(get_current_admin)):
        return {"sub": user.sub}

    app.dependency_overrides[security.get_current_user] = lambda: security.User(sub="u", org_id="o1")
    assert TestClient(app).get("/probe").status_code == 403


def test_export_without_key(client):
    client.get("/exports/o1.csv")
