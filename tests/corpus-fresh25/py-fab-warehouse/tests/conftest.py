import pytest

from app import appbuilder, create_app, db
from app.models import StockItem, Warehouse


class TestConfig:
    TESTING = True
    SECRET_KEY = "pytest-secret-key"
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    WTF_CSRF_ENABLED = False
    AUTH_TYPE = 1
    AUTH_ROLE_ADMIN = "Admin"
    AUTH_ROLE_PUBLIC = "Public"
    FAB_ADD_SECURITY_API = True
    UPLOAD_FOLDER = "/tmp"
    CARRIER_API_URL = "https://carrier.test/v3"
    CARRIER_API_KEY = "carrier-test-key"
    ERP_BASE_URL = "https://erp.test/api"
    ERP_API_TOKEN = "erp-test-token"
    ERP_WEBHOOK_KEY = "erp-webhook-test-key"


@pytest.fixture
def app():
    app = create_app(TestConfig)
    with app.app_context():
        db.create_all()
        appbuilder.sm.sync_role_definitions()
        appbuilder.sm.add_user(
            "admin", "Ada", "Admin", "admin@warehouse.test", appbuilder.sm.find_role("Admin"), "admin-pw"
        )
        wh = Warehouse(code="AMS1", name="Amsterdam")
        db.session.add(wh)
        db.session.flush()
        db.session.add(StockItem(sku="SKU-1", name="Pallet wrap", warehouse_id=wh.id, quantity=10, reorder_level=2))
        db.session.commit()
        yield app
        db.session.remove()
        db.drop_all()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def admin_headers(client):
    resp = client.post(
        "/api/v1/security/login",
        json={"username": "admin", "password": "admin-pw", "provider": "db"},
    )
    return {"Authorization": f"Bearer {resp.json['access_token']}"}


def assert_rejected(response):
    assert response.status_code in (401, 403), response.get_data(as_text=True)
