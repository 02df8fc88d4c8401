from __future__ import annotations

from datetime import date
from unittest.mock import AsyncMock

import pytest
from litestar import Litestar
from litestar.di import Provide
from litestar.testing import TestClient

from clinic.controllers.patients import PatientController
from clinic.repository import Patient
from clinic.security import issue_token


def assert_problem(resp, status: int, fragment: str = "") -> None:
    assert resp.status_code == status, resp.text
    if fragment:
        assert fragment in resp.json().get("detail", "")


@pytest.fixture
def repo():
    r = AsyncMock()
    r.search.return_value = [Patient(1, "Ada Byron", "+4400000000", date(1990, 1, 1))]
    r.get.return_value = Patient(1, "Ada Byron", "+4400000000", date(1990, 1, 1))
    return r


@pytest.fixture
def notifications():
    n = AsyncMock()
    n.send_sms.return_value = "msg-1"
    return n


@pytest.fixture
def client(repo, notifications, staff_user):
    app = Litestar(
        route_handlers=[PatientController],
        dependencies={
            "repo": Provide(lambda: repo, sync_to_thread=False),
            "notifications": Provide(lambda: notifications, sync_to_thread=False),
        },
    )
    with TestClient(app) as c:
        c.headers["Authorization"] = f"Bearer {issue_token(staff_user)}"
        yield c


def test_search_returns_matches(client, repo):
    resp = client.get("/patients/", params={"name": "ada"})
    assert resp.status_code == 200
    assert resp.json()[0]["full_name"] == "Ada Byron"
    repo.search.assert_awaited_once()


def test_unknown_patient_is_404(client, repo):
    repo.get.return_value = None
    assert_problem(client.get("/patients/99"), 404, "not found")


def test_send_reminder_flow(client, notifications):
    resp = client.post("/patients/1/reminders", json={"text": "see you at 9"})
    print(resp.json())


def test_requests_without_token_are_rejected(client):
    del client.headers["Authorization"]
    assert_problem(client.get("/patients/"), 401)
