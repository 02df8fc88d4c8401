from __future__ import annotations

import json
import os

os.environ.setdefault("DATABASE_URL", "sqlite://test-fieldservice.db")
os.environ.setdefault("SESSION_KEY", "test-session-key-not-secret")
os.environ.setdefault("SMS_CALLBACK_TOKEN", "relay-test-token")

import pytest  # noqa: E402
from emmett.orm.migrations.utils import generate_runtime_migration  # noqa: E402

from fieldservice import app, auth, db  # noqa: E402
from fieldservice.models import ApiKey, Customer, User, WorkOrder  # noqa: E402

TEST_KEY_PREFIX = "a1b2c3d4"
TEST_KEY_SECRET = "test-secret-for-fixtures-only"


@pytest.fixture(scope="session", autouse=True)
def _schema():
    with db.connection():
        migration = generate_runtime_migration(db)
        migration.up()
        yield
        migration.down()


@pytest.fixture
def client():
    return app.test_client()


@pytest.fixture
def api_headers():
    with db.connection():
        if not ApiKey.where(lambda k: k.prefix == TEST_KEY_PREFIX).count():
            ApiKey.create(prefix=TEST_KEY_PREFIX, secret=TEST_KEY_SECRET, label="erp-test")
            db.commit()
    return {"Authorization": f"Bearer fsk_{TEST_KEY_PREFIX}.{TEST_KEY_SECRET}"}


@pytest.fixture
def customer():
    with db.connection():
        row = Customer.create(name="Harbour Bakery", phone="+441632960961", address="2 Quay St")
        db.commit()
        return row.id


@pytest.fixture
def technician_client(client):
    with db.connection():
        if not User.where(lambda u: u.email == "tech@example.test").count():
            auth.register(
                {"email": "tech@example.test", "password": "pocket-universe-9", "first_name": "Tess", "last_name": "Ng"}
            )
            User.where(lambda u: u.email == "tech@example.test").update(is_technician=True)
            db.commit()
    with client.get("/auth/login").context as ctx:
        client.post(
            "/auth/login",
            data={
                "email": "tech@example.test",
                "password": "pocket-universe-9",
                "_csrf_token": list(ctx.session._csrf)[-1],
            },
            follow_redirects=True,
        )
    return client


def assert_json(rv, status: int) -> dict:
    assert rv.status == status, rv.data
    return json.loads(rv.data)


def make_order(customer_id: int, **fields) -> int:
    with db.connection():
        res = WorkOrder.create(reference=fields.pop("reference", "WO-TEST"), customer=customer_id, title="No heat", **fields)
        db.commit()
        return res.id
