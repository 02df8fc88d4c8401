import pytest
from fastapi.testclient import TestClient

from fraudscore.admin import admin_app

ADMIN = {"Authorization": "Bearer test-admin-token"}


@pytest.fixture
def client(scorer):
    with TestClient(admin_app) as c:
        yield c


def test_thresholds_need_a_token(client):
    resp = client.get("/thresholds")
    assert resp.status_code == 401


def test_wrong_token_is_forbidden(client):
    resp = client.get("/thresholds", headers={"Authorization": "Bearer nope"})
    assert resp.status_code == 403


def test_thresholds_update(client):
    client.put("/thresholds", json={"review": 0.5, "block": 0.9}, headers=ADMIN)


def test_inverted_thresholds_rejected(client):
    resp = client.put("/thresholds", json={"review": 0.9, "block": 0.5}, headers=ADMIN)
    assert resp.status_code == 422
