import os
from types import SimpleNamespace

import pytest
from starlette.applications import Starlette
from starlette.authentication import AuthCredentials, AuthenticationBackend, BaseUser as StarletteUser
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.testclient import TestClient

os.environ.setdefault("MAILGUN_SIGNING_KEY", "test-mailgun-signing-key")
os.environ.setdefault("LOCAL_DB", "1")


class StaffUser(StarletteUser):
    def __init__(self, user_id: int, admin: bool = False) -> None:
        self.user = SimpleNamespace(id=user_id, admin=admin, superuser=False, username=f"staff{user_id}")

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def display_name(self) -> str:
        return self.user.username


class HeaderBackend(AuthenticationBackend):
    """Test stand-in for SessionsAuthBackend: X-Test-User: <id>[,admin]."""

    async def authenticate(self, conn):
        raw = conn.headers.get("x-test-user")
        if not raw:
            return None
        user_id, _, flag = raw.partition(",")
        return AuthCredentials(["authenticated"]), StaffUser(int(user_id), admin=flag == "admin")


@pytest.fixture
def client():
    from helpdesk.app import ticket_routes

    app = Starlette(routes=ticket_routes, middleware=[Middleware(AuthenticationMiddleware, backend=HeaderBackend())])
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def fake_services(monkeypatch):
    calls = []

    async def assign(ticket_id, assignee_id, actor_id):
        calls.append(("assign", ticket_id, assignee_id, actor_id))
        return SimpleNamespace(id=ticket_id, assignee=assignee_id)

    async def close_ticket(ticket_id, closed_by, resolution):
        calls.append(("close", ticket_id, closed_by, resolution))
        return SimpleNamespace(id=ticket_id, status="closed")

    async def noop(*args, **kwargs):
        return None

    monkeypatch.setattr("helpdesk.services.assign", assign)
    monkeypatch.setattr("helpdesk.services.close_ticket", close_ticket)
    monkeypatch.setattr("helpdesk.tasks.announce_assignment", noop)
    return calls
