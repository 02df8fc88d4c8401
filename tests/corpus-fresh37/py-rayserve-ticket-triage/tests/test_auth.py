import time

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient

from triage import auth
from triage.auth import AdminClaims, ApiCaller, require_admin, require_api_key
from tests.conftest import TEST_API_KEY


@pytest.fixture
def client(settings) -> TestClient:
    app = FastAPI()

    @app.get("/key")
    async def key_route(caller: ApiCaller = Depends(require_api_key)):
        return {"key_id": caller.key_id}

    @app.get("/admin")
    async def admin_route(admin: AdminClaims = Depends(require_admin)):
        return {"sub": admin.subject}

    return TestClient(app)


@pytest.fixture
def signing_key(monkeypatch):
    private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = jwt.PyJWK.from_dict(
        {**jwt.algorithms.RSAAlgorithm.to_jwk(private_key.public_key(), as_dict=True), "kid": "k1"}
    )
    monkeypatch.setattr(auth, "_signing_key", lambda settings, kid: jwk)
    return private_key


def _token(private_key, roles, **overrides):
    claims = {
        "sub": "u-123",
        "aud": "ticket-triage",
        "iss": "https://sso.test",
        "exp": int(time.time()) + 300,
        "realm_access": {"roles": roles},
        **overrides,
    }
    return jwt.encode(claims, private_key, algorithm="RS256", headers={"kid": "k1"})


def test_api_key_accepted(client):
    response = client.get("/key", headers={"X-API-Key": TEST_API_KEY})
    assert response.status_code == 200
    assert response.json() == {"key_id": "ci"}


@pytest.mark.parametrize("header", [None, "ci", "ci.wrong", "unknown.test-only-secret"])
def test_api_key_rejected(client, header):
    headers = {"X-API-Key": header} if header else {}
    assert client.get("/key", headers=headers).status_code == 401


def test_admin_requires_role(client, signing_key):
    token = _token(signing_key, roles=["triage-viewer"])
    response = client.get("/admin", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 403


def test_admin_token_accepted(client, signing_key):
    token = _token(signing_key, roles=["triage-admin"])
    response = client.get("/admin", headers={"Authorization": f"Bearer {token}"})
    assert response.json() == {"sub": "u-123"}


def test_expired_admin_token(client, signing_key):
    token = _token(signing_key, roles=["triage-admin"], exp=int(time.time()) - 10)
    response = client.get("/admin", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401
