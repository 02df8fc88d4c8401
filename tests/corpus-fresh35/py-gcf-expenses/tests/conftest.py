import copy
import os
import sys

import pytest
from functions_framework import create_app

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from expenses import auth, store  # noqa: E402

TEST_SIGNING_SECRET = "test-signing-secret-not-used-anywhere-else"

USERS = {
    "alice": auth.User("alice@acme-corp.com", "Alice", frozenset()),
    "bob": auth.User("bob@acme-corp.com", "Bob", frozenset({"approver"})),
    "fran": auth.User("fran@acme-corp.com", "Fran", frozenset({"approver", "finance"})),
}


class FakeStore:
    def __init__(self):
        self.expenses = {}
        self.audit = []

    def get_expense(self, expense_id):
        doc = self.expenses.get(expense_id)
        return copy.deepcopy(doc) if doc else None

    def update_expense(self, expense_id, **fields):
        self.expenses[expense_id].update(fields)

    def write_audit(self, actor, action, expense_id, detail=None):
        self.audit.append((actor, action, expense_id, detail or {}))


@pytest.fixture
def fake_store(monkeypatch):
    fake = FakeStore()
    for name in ("get_expense", "update_expense", "write_audit"):
        monkeypatch.setattr(store, name, getattr(fake, name))
    return fake


@pytest.fixture
def as_user(monkeypatch):
    def _user_from_request(request):
        who = request.headers.get("Authorization", "").removeprefix("Bearer ")
        if who not in USERS:
            raise auth.Unauthorized("unknown test user")
        return USERS[who]

    monkeypatch.setattr(auth, "user_from_request", _user_from_request)
    return lambda who: {"Authorization": f"Bearer {who}"}


@pytest.fixture
def client():
    app = create_app(target="expenses_api", source=os.path.join(ROOT, "main.py"))
    return app.test_client()


def assert_problem(response, status, detail_contains=None):
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.headers["Content-Type"] == "application/problem+json"
    if detail_contains:
        assert detail_contains in response.get_json()["detail"]
