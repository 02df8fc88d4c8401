import httpx
import pytest

from incidentdesk.auth import IntrospectionTokenVerifier
from incidentdesk.config import Settings

pytestmark = pytest.mark.anyio

AUTOMATION_TOKEN = "deploybot-test-token-0001"


def verifier_with(handler) -> IntrospectionTokenVerifier:
    settings = Settings(
        public_url="https://desk.test",
        introspection_url="https://auth.test/introspect",
        introspection_client_secret="test-secret",
        automation_tokens={"deploybot": AUTOMATION_TOKEN},
    )
    client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    return IntrospectionTokenVerifier(settings, client=client)


async def test_active_token_with_audience():
    verifier = verifier_with(
        lambda request: httpx.Response(
            200,
            json={"active": True, "client_id": "claude", "scope": "incidents:read", "aud": "https://desk.test"},
        )
    )
    token = await verifier.verify_token("abc")
    assert token is not None
    assert token.scopes == ["incidents:read"]


@pytest.mark.parametrize(
    "body",
    [
        {"active": False},
        {"active": True, "client_id": "x", "aud": "https://other.test"},
        {"active": True, "client_id": "x", "aud": "https://desk.test", "exp": 1},
    ],
)
async def test_rejected_tokens(body):
    verifier = verifier_with(lambda request: httpx.Response(200, json=body))
    assert await verifier.verify_token("abc") is None


async def test_automation_token_skips_introspection():
    def fail(request):
        raise AssertionError("introspection must not be called")

    token = await verifier_with(fail).verify_token(AUTOMATION_TOKEN)
    assert token.client_id == "automation:deploybot"


async def test_introspection_outage_denies():
    verifier = verifier_with(lambda request: httpx.Response(503))
    assert await verifier.verify_token("abc") is None
