"""Websocket API tests."""

from __future__ import annotations

from homeassistant.core import HomeAssistant


async def test_status(hass: HomeAssistant, loaded_entry, hass_ws_client) -> None:
    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "poolctl/status", "entry_id": loaded_entry.entry_id})
    msg = await client.receive_json()
    assert msg["success"]
    assert msg["result"] == {"temp": 27.5, "ph": 7.3, "orp": 690, "pump_rpm": 1800}


async def test_calibrate_rejects_non_admin(
    hass: HomeAssistant, loaded_entry, hass_ws_client, hass_read_only_access_token
) -> None:
    client = await hass_ws_client(hass, hass_read_only_access_token)
    await client.send_json_auto_id(
        {"type": "poolctl/calibrate", "entry_id": loaded_entry.entry_id, "probe": "ph", "reference": 7.0}
    )
    msg = await client.receive_json()
    assert not msg["success"]
    assert msg["error"]["code"] == "unauthorized"
