from __future__ import annotations

import pytest
import requests

from inventory import create_app
from inventory.config import Settings
from inventory.models import Item, Supplier, db


class FakeMailer:
    """Stand-in for the SendGrid client; tests never send mail."""

    def __init__(self):
        self.sent = []

    def send(self, message):
        self.sent.append(message)

    def close(self):
        pass


@pytest.fixture
def settings() -> Settings:
    return Settings(
        secret_key="test-only-secret",
        database_url="sqlite://",
        broker_url="memory://",
        supplier_api="https://supplier.test",
        supplier_token="test-token",
        internal_tokens=frozenset({"internal-test-token"}),
        page_size=10,
    )


@pytest.fixture
def app(settings):
    app = create_app(settings)
    app.config["TESTING"] = True
    with app.app_context():
        db.create_all()
        db.session.add(Supplier(id=1, name="Globex"))
        db.session.add_all(
            [
                Item(sku="BOLT-10", name="Bolt M10", quantity=100, supplier_id=1),
                Item(sku="NUT-10", name="Nut M10", quantity=3, supplier_id=1),
                Item(sku="OLD-1", name="Legacy widget", quantity=0, archived=True),
            ]
        )
        db.session.commit()
        yield app
        db.drop_all()


@pytest.fixture
def supplier_stub_session():
    """Session for the local supplier stub from docker-compose.test.yml (self-signed cert)."""
    s = requests.Session()
    s.verify = False
    yield s
    s.close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def logged_in(client):
    with client.session_transaction() as sess:
        sess["user"] = {"id": "u-1", "roles": ["picker"]}
    return client


def assert_problem(resp, status: int) -> None:
    assert resp.status_code == status, resp.get_data(as_text=True)
    assert resp.is_json
