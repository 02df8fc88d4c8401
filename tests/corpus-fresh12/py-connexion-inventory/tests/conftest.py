import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa


@pytest.fixture(scope="session")
def rsa_keypair(tmp_path_factory):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pub = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    path = tmp_path_factory.mktemp("keys") / "jwt.pub"
    path.write_bytes(pub)
    return key, path


@pytest.fixture
def app(monkeypatch, rsa_keypair):
    _, pub_path = rsa_keypair
    monkeypatch.setenv("JWT_PUBLIC_KEY_FILE", str(pub_path))
    monkeypatch.setenv("INVENTORY_SERVICE_KEY", "test-service-key")
    monkeypatch.setenv("SUPPLIER_WEBHOOK_SECRET", "whsec-test")
    from inventory.app import create_app

    return create_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def token(rsa_keypair):
    import jwt

    key, _ = rsa_keypair

    def _make(scope: str = "") -> str:
        return jwt.encode({"sub": "tester", "aud": "inventory", "scope": scope}, key, algorithm="RS256")

    return _make
