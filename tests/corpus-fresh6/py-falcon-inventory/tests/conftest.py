from unittest import mock

import pytest
from falcon import testing

from inventory import repo
from inventory.app import create_app

TEST_DB_URL = "postgresql+psycopg://inventory:changeme@localhost:5432/inventory_test"


class FakeSession:
    def __init__(self):
        self.committed = False
        self.rolled_back = False
        self.closed = False
        self.executed = []

    def execute(self, stmt, params=None):
        self.executed.append((str(stmt), params))
        return mock.MagicMock(rowcount=3)

    def commit(self):
        self.committed = True

    def rollback(self):
        self.rolled_back = True

    def close(self):
        self.closed = True


@pytest.fixture
def session():
    return FakeSession()


@pytest.fixture
def supplier():
    return mock.MagicMock(name="SupplierClient")


@pytest.fixture
def client(session, supplier, monkeypatch):
    def lookup(db, token):
        roles = {"admin-token": "admin", "editor-token": "editor", "viewer-token": "viewer"}
        return repo.User(id=1, email="t@example.com", role=roles[token]) if token in roles else None

    monkeypatch.setattr(repo, "user_for_token", lookup)
    return testing.TestClient(create_app(session_factory=lambda: session, supplier_client=supplier))


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}
