"""Fixtures for PoolCtl tests."""

from __future__ import annotations

from unittest.mock import patch

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from homeassistant.const import CONF_API_KEY, CONF_HOST, CONF_PORT, CONF_VERIFY_SSL
from homeassistant.core import HomeAssistant

from custom_components.poolctl.const import CONF_PUSH_SECRET, DOMAIN

BASE = "https://10.0.0.40:8443/api/v2"

STATE = {
    "probes": {"temperature": 27.5, "ph": 7.3, "orp": 690, "salt": 3400},
    "pump": {"rpm": 1800},
    "heater": {"on": False},
    "chlorinator": {"output": 60},
}


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(enable_custom_integrations):
    yield


@pytest.fixture(autouse=True)
def no_readings_log():
    with patch("custom_components.poolctl.coordinator._append_reading"):
        yield


@pytest.fixture
def config_entry() -> MockConfigEntry:
    return MockConfigEntry(
        domain=DOMAIN,
        title="Backyard pool",
        unique_id="AQL-00412",
        data={
            CONF_HOST: "10.0.0.40",
            CONF_PORT: 8443,
            CONF_API_KEY: "test-api-key",
            CONF_VERIFY_SSL: True,
            CONF_PUSH_SECRET: "00" * 32,
        },
    )


@pytest.fixture
async def loaded_entry(hass: HomeAssistant, config_entry, aioclient_mock) -> MockConfigEntry:
    aioclient_mock.get(f"{BASE}/state", json=STATE)
    config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    return config_entry
