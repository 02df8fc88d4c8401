"""Service tests."""

from __future__ import annotations

import pytest

from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import Unauthorized

from custom_components.poolctl.const import DOMAIN

from .conftest import BASE


async def test_set_pump_speed_sends_rpm(hass: HomeAssistant, loaded_entry, aioclient_mock) -> None:
    aioclient_mock.put(f"{BASE}/pump", json={})

    await hass.services.async_call(
        DOMAIN,
        "set_pump_speed",
        {"config_entry_id": loaded_entry.entry_id, "speed": 2400, "duration": 30},
        blocking=True,
    )

    method, url, payload, _ = aioclient_mock.mock_calls[-1]
    assert method == "PUT"
    assert str(url) == f"{BASE}/pump"
    assert payload["rpm"] == 2400


async def test_reset_controller(hass: HomeAssistant, loaded_entry, aioclient_mock) -> None:
    aioclient_mock.post(f"{BASE}/system/reset", json={})

    await hass.services.async_call(
        DOMAIN,
        "reset_controller",
        {"config_entry_id": loaded_entry.entry_id},
        blocking=True,
    )


async def test_calibrate_requires_admin(hass: HomeAssistant, loaded_entry, hass_read_only_user) -> None:
    with pytest.raises(Unauthorized):
        await hass.services.async_call(
            DOMAIN,
            "calibrate_probe",
            {"config_entry_id": loaded_entry.entry_id, "probe": "ph", "reference": 7.0},
            blocking=True,
            context=Context(user_id=hass_read_only_user.id),
        )


async def test_export_writes_under_config_dir(hass: HomeAssistant, loaded_entry, aioclient_mock, tmp_path) -> None:
    hass.config.config_dir = str(tmp_path)
    aioclient_mock.get(
        f"{BASE}/dosing/log",
        json={"entries": [{"time": "2024-06-01T10:00:00Z", "chemical": "acid", "ml": 120, "reason": "ph"}]},
    )

    await hass.services.async_call(
        DOMAIN,
        "export_dosing_log",
        {"config_entry_id": loaded_entry.entry_id, "filename": "../../june.csv"},
        blocking=True,
    )

    written = tmp_path / DOMAIN / "june.csv"
    assert written.read_text().splitlines()[1].startswith("2024-06-01T10:00:00Z,acid,120")
