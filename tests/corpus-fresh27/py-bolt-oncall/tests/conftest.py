import os
from datetime import datetime, timedelta, timezone
from unittest.mock import MagicMock

import pytest

os.environ.setdefault("SLACK_SIGNING_SECRET", "test-signing-secret")
os.environ.setdefault("ONCALL_DB_URL", "sqlite+pysqlite:///:memory:")
os.environ.setdefault("ONCALL_ADMIN_USER_IDS", "UADMIN01")

from oncall.models import Base, Rotation, SessionLocal, Shift, engine  # noqa: E402


@pytest.fixture(autouse=True)
def db():
    Base.metadata.create_all(engine)
    yield SessionLocal
    Base.metadata.drop_all(engine)


@pytest.fixture
def primary_rotation(db):
    now = datetime.now(timezone.utc)
    with db.begin() as s:
        rotation = Rotation(name="primary", timezone="Europe/Berlin")
        s.add(rotation)
        s.flush()
        s.add(Shift(rotation_id=rotation.id, slack_user_id="UONCALL1",
                    starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=7)))
    return rotation


@pytest.fixture
def slack():
    ack, respond, client = MagicMock(), MagicMock(), MagicMock()
    client.users_info.return_value = {"user": {"id": "UMEMBER1", "is_admin": False, "is_owner": False,
                                               "profile": {"email": "member@example.com"}}}
    return ack, respond, client
