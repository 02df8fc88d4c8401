"""Client tests."""

from __future__ import annotations

import hashlib

import pytest

from homeassistant.core import HomeAssistant
from homeassistant.helpers.aiohttp_client import async_get_clientsession

from custom_components.poolctl.api import PoolCtlAuthError, PoolCtlClient, PoolCtlError

from .conftest import BASE, STATE


@pytest.fixture
def client(hass: HomeAssistant) -> PoolCtlClient:
    return PoolCtlClient(async_get_clientsession(hass), "10.0.0.40", 8443, "test-api-key")


async def test_state_parsing(client, aioclient_mock, snapshot) -> None:
    aioclient_mock.get(f"{BASE}/state", json=STATE)
    assert await client.async_get_state() == snapshot


async def test_auth_error(client, aioclient_mock) -> None:
    aioclient_mock.get(f"{BASE}/state", status=403)
    with pytest.raises(PoolCtlAuthError):
        await client.async_get_state()


async def test_firmware_checksum_mismatch(client, aioclient_mock) -> None:
    aioclient_mock.get("https://downloads.example.com/fw-4.2.bin", content=b"\x7fELF-image")
    wrong = hashlib.sha256(b"something else").hexdigest()

    with pytest.raises(PoolCtlError, match="checksum"):
        await client.async_install_firmware("https://downloads.example.com/fw-4.2.bin", wrong)
    assert aioclient_mock.call_count == 1


def test_pairing_proof(client) -> None:
    nonce = b"\x01" * 16
    import hmac

    proof = hmac.new(b"test-api-key", nonce, hashlib.sha256).hexdigest()
    assert client.verify_pairing(nonce, proof)
    assert not client.verify_pairing(nonce, "0" * 64)
