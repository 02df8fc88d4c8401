import pytest

from labsamples import create_app
from labsamples.extensions import db as _db
from labsamples.models import Instrument, User

TEST_PASSWORD = "correct-horse-battery-9"


@pytest.fixture
def app():
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": "sqlite://",
            "JWT_SECRET_KEY": "pytest-only-secret",
            "COURIER_WEBHOOK_SECRET": "courier-test-secret",
            "REFERENCE_LAB_URL": "https://reflab.test",
            "REFERENCE_LAB_API_KEY": "reflab-test-key",
        }
    )
    with app.app_context():
        _db.create_all()
        yield app
        _db.session.remove()
        _db.drop_all()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def instrument(app):
    inst = Instrument(serial="AN-100", name="Hematology analyzer", api_key="instrument-test-key")
    _db.session.add(inst)
    _db.session.commit()
    return inst


@pytest.fixture
def auth_header(client):
    def login(role="technician"):
        email = f"{role}@lab.test"
        if User.query.filter_by(email=email).first() is None:
            user = User(email=email, role=role)
            user.set_password(TEST_PASSWORD)
            _db.session.add(user)
            _db.session.commit()
        resp = client.post("/api/v1/auth/login", json={"email": email, "password": TEST_PASSWORD})
        assert resp.status_code == 200, resp.get_data(as_text=True)
        return {"Authorization": f"Bearer {resp.json['access_token']}"}

    return login
