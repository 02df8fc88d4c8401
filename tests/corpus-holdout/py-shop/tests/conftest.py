import pytest
from fastapi.testclient import TestClient

import os
os.environ.setdefault("SHOP_SECRET_KEY", "test-secret")


@pytest.fixture
def client():
    from shop.api import app
    return TestClient(app)
