"""Websocket commands used by the PoolCtl panel."""

from __future__ import annotations

from typing import Any

import voluptuous as vol

from homeassistant.components import websocket_api
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant, callback

from .api import PoolCtlClient, PoolCtlError
from .const import DOMAIN, PROBES

SLOT_SCHEMA = vol.Schema(
    {
        vol.Required("start"): vol.Match(r"^\d{2}:\d{2}$"),
        vol.Required("end"): vol.Match(r"^\d{2}:\d{2}$"),
        vol.Required("rpm"): vol.All(int, vol.Range(min=600, max=3450)),
    }
)


@callback
def async_register_websocket_commands(hass: HomeAssistant) -> None:
    websocket_api.async_register_command(hass, ws_status)
    websocket_api.async_register_command(hass, ws_get_schedule)
    websocket_api.async_register_command(hass, ws_set_schedule)
    websocket_api.async_register_command(hass, ws_calibrate)


def _client(hass: HomeAssistant, entry_id: str) -> PoolCtlClient | None:
    entry = hass.config_entries.async_get_entry(entry_id)
    if entry is None or entry.domain != DOMAIN or entry.state is not ConfigEntryState.LOADED:
        return None
    return entry.runtime_data.client


# Read-only view of what the entities already expose to every user.
@websocket_api.websocket_command({vol.Required("type"): "poolctl/status", vol.Required("entry_id"): str})
@callback
def ws_status(hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]) -> None:
    entry = hass.config_entries.async_get_entry(msg["entry_id"])
    if entry is None or entry.domain != DOMAIN or entry.state is not ConfigEntryState.LOADED:
        connection.send_error(msg["id"], websocket_api.ERR_NOT_FOUND, "Unknown entry")
        return
    state = entry.runtime_data.coordinator.data
    connection.send_result(
        msg["id"],
        {"temp": state.water_temp, "ph": state.ph, "orp": state.orp, "pump_rpm": state.pump_rpm},
    )


@websocket_api.websocket_command({vol.Required("type"): "poolctl/schedule", vol.Required("entry_id"): str})
@websocket_api.async_response
async def ws_get_schedule(
    hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> None:
    client = _client(hass, msg["entry_id"])
    if client is None:
        connection.send_error(msg["id"], websocket_api.ERR_NOT_FOUND, "Unknown entry")
        return
    connection.send_result(msg["id"], {"slots": await client.async_get_schedule()})


@websocket_api.websocket_command(
    {
        vol.Required("type"): "poolctl/schedule/set",
        vol.Required("entry_id"): str,
        vol.Required("slots"): [SLOT_SCHEMA],
    }
)
@websocket_api.async_response
async def ws_set_schedule(
    hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]
) -> None:
    client = _client(hass, msg["entry_id"])
    if client is None:
        connection.send_error(msg["id"], websocket_api.ERR_NOT_FOUND, "Unknown entry")
        return
    try:
        await client.async_set_schedule(msg["slots"])
    except PoolCtlError as err:
        connection.send_error(msg["id"], websocket_api.ERR_HOME_ASSISTANT_ERROR, str(err))
        return
    connection.send_result(msg["id"])


@websocket_api.require_admin
@websocket_api.websocket_command(
    {
        vol.Required("type"): "poolctl/calibrate",
        vol.Required("entry_id"): str,
        vol.Required("probe"): vol.In(PROBES),
        vol.Required("reference"): vol.Coerce(float),
    }
)
@websocket_api.async_response
async def ws_calibrate(hass: HomeAssistant, connection: websocket_api.ActiveConnection, msg: dict[str, Any]) -> None:
    client = _client(hass, msg["entry_id"])
    if client is None:
        connection.send_error(msg["id"], websocket_api.ERR_NOT_FOUND, "Unknown entry")
        return
    try:
        result = await client.async_calibrate(msg["probe"], msg["reference"])
    except PoolCtlError as err:
        connection.send_error(msg["id"], websocket_api.ERR_HOME_ASSISTANT_ERROR, str(err))
        return
    connection.send_result(msg["id"], result)
