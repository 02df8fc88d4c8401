from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from clinic import config, db
from clinic.app import make_app
from clinic.security import hash_password

TEST_DSN = "postgresql://clinic:clinic@localhost:55432/clinic_test"
PASSWORD = "correct horse battery"


async def _seed(pool) -> None:
    await pool.execute("TRUNCATE staff, patients, appointments, audit_events, lab_orders RESTART IDENTITY CASCADE")
    hashed = hash_password(PASSWORD)
    await pool.execute(
        "INSERT INTO staff (email, password_hash, role, clinic_id, active) VALUES ($1, $2, 'admin', 1, true), ($3, $2, 'nurse', 1, true)",
        "admin@clinic.test",
        hashed,
        "nurse@clinic.test",
    )
    await pool.execute(
        "INSERT INTO patients (clinic_id, full_name, date_of_birth, phone, email) VALUES (1, 'Ada Lovelace', '1815-12-10', '+15550100', 'ada@example.com')"
    )
    await pool.execute("INSERT INTO lab_orders (external_id, patient_id, status) VALUES ('ORD-1', 1, 'pending')")


@pytest.fixture
def settings(tmp_path):
    return dataclasses.replace(
        config.Settings(),
        cookie_secret="pytest-cookie-secret",
        webhook_secret="whsec-test",
        upload_dir=tmp_path,
        template_path=str(Path(__file__).resolve().parent.parent / "clinic" / "templates"),
    )


@pytest.fixture
def pool(io_loop):
    pool = io_loop.run_sync(lambda: db.create_pool(TEST_DSN))
    io_loop.run_sync(lambda: _seed(pool))
    yield pool
    io_loop.run_sync(pool.close)


@pytest.fixture
def app(settings, pool):
    return make_app(settings, pool, notifier=None)


@pytest.fixture
def login(http_client, base_url):
    async def _login(email: str, password: str = PASSWORD) -> dict[str, str]:
        resp = await http_client.fetch(
            f"{base_url}/login", method="POST", body=json.dumps({"email": email, "password": password})
        )
        return {"Cookie": resp.headers["Set-Cookie"].split(";", 1)[0]}

    return _login


def _assert_problem(resp, status: int, detail: str | None = None) -> None:
    assert resp.code == status, resp.body
    body = json.loads(resp.body)
    assert "error" in body
    if detail is not None:
        assert body.get("detail") == detail


@pytest.fixture
def assert_problem():
    return _assert_problem
