from __future__ import annotations

from datetime import timedelta

import pytest
from flask_jwt_extended import create_access_token
from werkzeug.security import generate_password_hash

from toolshed import create_app
from toolshed.config import Config
from toolshed.extensions import db
from toolshed.models import Loan, Member, Tool, utcnow


class TestConfig(Config):
    TESTING = True
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    SQLALCHEMY_ENGINE_OPTIONS: dict = {}
    JWT_SECRET_KEY = "pytest-only-jwt-key-0123456789abcdef"
    JWT_COOKIE_CSRF_PROTECT = False
    # requests-mock intercepts every outbound call in tests
    CA_BUNDLE = False
    SLACK_WEBHOOK_URL = None


@pytest.fixture
def app(tmp_path):
    app = create_app(TestConfig)
    app.config["UPLOAD_FOLDER"] = str(tmp_path / "uploads")
    app.config["ARCHIVE_DIR"] = str(tmp_path / "archive")
    with app.app_context():
        db.create_all()
        _seed()
        yield app
        db.session.remove()
        db.drop_all()


def _seed() -> None:
    pw = generate_password_hash("correct horse battery")
    db.session.add_all(
        [
            Member(id=1, email="ana@example.test", name="Ana", password_hash=pw, role="member"),
            Member(id=2, email="ben@example.test", name="Ben", password_hash=pw, role="member"),
            Member(id=3, email="staff@example.test", name="Sam", password_hash=pw, role="staff"),
            Tool(id=10, name="Cordless drill", category="power", serial="DR-001"),
            Tool(id=11, name="Tile saw", category="power", serial="TS-014", available=False),
        ]
    )
    db.session.add(
        Loan(id=100, tool_id=11, member_id=2, checked_out_at=utcnow() - timedelta(days=20),
             due_at=utcnow() - timedelta(days=6))
    )
    db.session.commit()


@pytest.fixture
def client(app):
    return app.test_client()


def auth_headers(member_id: int, role: str) -> dict[str, str]:
    token = create_access_token(identity=str(member_id), additional_claims={"role": role})
    return {"Authorization": f"Bearer {token}"}


def expect_status(resp, status: int) -> None:
    assert resp.status_code == status, resp.get_json()


def assert_valid(schema, payload) -> None:
    errors = schema.validate(payload)
    assert not errors, errors
