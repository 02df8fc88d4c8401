import os
import tempfile

_DB_DIR = tempfile.mkdtemp(prefix="fleetdesk-test-")
os.environ["FLEETDESK_DATABASE_URL"] = f"sqlite:///{_DB_DIR}/test.db"
os.environ["FLEETDESK_TOKEN_PEPPER"] = "test-pepper"
os.environ["FLEETDESK_WEBHOOK_PASSWORD"] = "test-webhook-password"

import bcrypt  # noqa: E402
import pytest  # noqa: E402

from fleetdesk.auth import issue_token  # noqa: E402
from fleetdesk.db import Base, SessionLocal, User, Vehicle, engine  # noqa: E402

TEST_PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def schema():
    Base.metadata.create_all(engine)
    yield
    Base.metadata.drop_all(engine)


@pytest.fixture
def session():
    with SessionLocal() as s:
        yield s


@pytest.fixture
def users(session):
    hashed = bcrypt.hashpw(TEST_PASSWORD.encode(), bcrypt.gensalt(4)).decode()
    made = {}
    for name, role in [("dana", "dispatcher"), ("mo", "mechanic"), ("rick", "driver"), ("ada", "admin")]:
        u = User(username=name, password_hash=hashed, role=role)
        session.add(u)
        made[role] = u
    session.commit()
    return made


@pytest.fixture
def token_for(session):
    def make(user):
        return {"Authorization": f"Bearer {issue_token(session, user)}"}

    return make


@pytest.fixture
def van(session):
    v = Vehicle(plate="KX-204", vin="WF0XXXTTGXKJ12345", model="Transit", depot="north", telematics_id="dev-204")
    session.add(v)
    session.commit()
    return v


def assert_status(resp, code):
    assert resp.status.startswith(str(code)), f"expected {code}, got {resp.status}: {resp.data}"
