import httpx
import pytest
import respx

from payoutd.bank import BankClient


@pytest.fixture
def bank():
    # respx intercepts the transport, so no TLS handshake happens against bank.test.
    return BankClient("https://bank.test/v1", "test-token", verify=False)


@respx.mock
async def test_conflict_returns_existing_transfer(bank):
    respx.post("https://bank.test/v1/transfers").mock(return_value=httpx.Response(409, json={"error": "duplicate"}))
    respx.get("https://bank.test/v1/transfers").mock(
        return_value=httpx.Response(
            200,
            json={"data": [{"id": "tr_9", "status": "submitted", "amount_minor": 100, "currency": "EUR", "reference": "po_9"}]},
        )
    )
    transfer = await bank.create_transfer(100, "EUR", "NL91ABNA0417164300", "po_9")
    assert transfer.id == "tr_9"


@respx.mock
async def test_server_error_propagates(bank):
    respx.post("https://bank.test/v1/transfers").mock(return_value=httpx.Response(503))
    with pytest.raises(httpx.HTTPStatusError):
        await bank.create_transfer(100, "EUR", "NL91ABNA0417164300", "po_9")
