import pytest

from warehouse import create_app
from warehouse.config import TestingConfig
from warehouse.extensions import db
from warehouse.models import ApiToken, Item, User, Warehouse

TOKENS = {
    "clerk": "clerk000-test-token-value",
    "manager": "manager0-test-token-value",
    "admin": "admin000-test-token-value",
}


@pytest.fixture()
def app(tmp_path):
    class Config(TestingConfig):
        EXPORT_DIR = str(tmp_path / "exports")

    app = create_app(Config)
    with app.app_context():
        db.create_all()
        db.session.add(Warehouse(id=1, code="HAM1", name="Hamburg 1"))
        db.session.add(Warehouse(id=2, code="RTM2", name="Rotterdam 2"))
        for n, (role, token) in enumerate(TOKENS.items(), start=1):
            user = User(id=n, email=f"{role}@example.com", role_names=role)
            db.session.add(user)
            db.session.add(ApiToken(prefix=token[:8], token_hash=ApiToken.hash(token), user_id=n))
        db.session.add(Item(id=1, sku="BOLT-M8", name="Bolt M8", warehouse_id=1, on_hand=100, reserved=10))
        db.session.add(Item(id=2, sku="NUT-M8", name="Nut M8", warehouse_id=2, on_hand=5, reserved=0))
        db.session.commit()
        yield app
        db.drop_all()


@pytest.fixture()
def client(app):
    return app.test_client()


def bearer(role: str) -> dict:
    return {"Authorization": f"Bearer {TOKENS[role]}"}


def assert_problem(resp, status: int, message_fragment: str | None = None) -> None:
    assert resp.status_code == status, resp.get_json()
    if message_fragment is not None:
        assert message_fragment in resp.get_json()["message"]
