import os

os.environ.setdefault("DATABASE_URL", "postgresql://volunteerhub:volunteerhub@localhost:5432/volunteerhub_test")
os.environ["JWT_SECRET"] = "pytest-only-signing-key"
os.environ["KIOSK_KEY"] = "kiosk-test"
os.environ["UNSUBSCRIBE_SECRET"] = "unsubscribe-test"

import bcrypt
import pytest
from starlette.testclient import TestClient

from volunteerhub.app import app
from volunteerhub.auth import issue_token
from volunteerhub.db import database


@pytest.fixture
def client():
    with TestClient(app) as c:
        yield c


@pytest.fixture
async def org():
    await database.connect()
    org_id = await database.execute("INSERT INTO orgs (name) VALUES ('Food bank') RETURNING id")
    yield org_id
    await database.execute("DELETE FROM orgs WHERE id = :id", {"id": org_id})
    await database.disconnect()


async def make_volunteer(org_id: int, role: str = "VOLUNTEER", email: str | None = None) -> dict:
    email = email or f"{role.lower()}-{org_id}@example.org"
    pw = bcrypt.hashpw(b"hunter2-but-longer", bcrypt.gensalt(rounds=4)).decode()
    vid = await database.execute(
        """INSERT INTO volunteers (org_id, name, email, password_hash, role, active, reminders)
           VALUES (:org, :name, :email, :pw, :role, true, true) RETURNING id""",
        {"org": org_id, "name": email.split("@")[0], "email": email, "pw": pw, "role": role},
    )
    return {"id": vid, "email": email, "token": issue_token(vid)}


def gql(client, query: str, variables: dict | None = None, token: str | None = None, headers: dict | None = None):
    hdrs = dict(headers or {})
    if token:
        hdrs["Authorization"] = f"Bearer {token}"
    resp = client.post("/graphql/", json={"query": query, "variables": variables or {}}, headers=hdrs)
    assert resp.status_code == 200, resp.text
    return resp.json()


def assert_no_errors(result: dict) -> dict:
    assert "errors" not in result, result["errors"]
    return result["data"]


def assert_graphql_error(result: dict, code: str) -> None:
    assert result.get("errors"), "expected a GraphQL error"
    assert result["errors"][0]["extensions"]["code"] == code
