"""Services exposed by the PoolCtl integration."""

from __future__ import annotations

import csv
import logging
from pathlib import Path

import voluptuous as vol

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.service import async_register_admin_service

from .api import PoolCtlClient, PoolCtlError
from .const import (
    ATTR_CONFIG_ENTRY_ID,
    ATTR_DURATION,
    ATTR_FILENAME,
    ATTR_PROBE,
    ATTR_REFERENCE,
    ATTR_SHA256,
    ATTR_SPEED,
    ATTR_URL,
    DOMAIN,
    MAX_PUMP_RPM,
    MIN_PUMP_RPM,
    PROBES,
    SERVICE_BACKUP_CONFIG,
    SERVICE_CALIBRATE_PROBE,
    SERVICE_EXPORT_DOSING_LOG,
    SERVICE_INSTALL_FIRMWARE,
    SERVICE_RESET_CONTROLLER,
    SERVICE_SET_PUMP_SPEED,
)

_LOGGER = logging.getLogger(__name__)

ENTRY_SCHEMA = vol.Schema({vol.Required(ATTR_CONFIG_ENTRY_ID): cv.string})

PUMP_SCHEMA = ENTRY_SCHEMA.extend(
    {
        vol.Required(ATTR_SPEED): vol.All(vol.Coerce(int), vol.Range(min=MIN_PUMP_RPM, max=MAX_PUMP_RPM)),
        vol.Optional(ATTR_DURATION): vol.All(vol.Coerce(int), vol.Range(min=1, max=720)),
    }
)
CALIBRATE_SCHEMA = ENTRY_SCHEMA.extend(
    {
        vol.Required(ATTR_PROBE): vol.In(PROBES),
        vol.Required(ATTR_REFERENCE): vol.Coerce(float),
    }
)
EXPORT_SCHEMA = ENTRY_SCHEMA.extend({vol.Optional(ATTR_FILENAME): cv.string})
FIRMWARE_SCHEMA = ENTRY_SCHEMA.extend(
    {vol.Required(ATTR_URL): cv.url, vol.Required(ATTR_SHA256): vol.Match(r"^[0-9a-fA-F]{64}$")}
)


def _client(hass: HomeAssistant, call: ServiceCall) -> PoolCtlClient:
    entry = hass.config_entries.async_get_entry(call.data[ATTR_CONFIG_ENTRY_ID])
    if entry is None or entry.domain != DOMAIN:
        raise ServiceValidationError(f"Unknown PoolCtl entry {call.data[ATTR_CONFIG_ENTRY_ID]}")
    if entry.state is not ConfigEntryState.LOADED:
        raise ServiceValidationError(f"{entry.title} is not loaded")
    return entry.runtime_data.client


def _write_csv(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["time", "chemical", "ml", "reason"])
        writer.writeheader()
        writer.writerows(rows)


async def async_setup_services(hass: HomeAssistant) -> None:
    """Register the integration's services."""

    async def handle_set_pump_speed(call: ServiceCall) -> None:
        client = _client(hass, call)
        try:
            await client.async_set_pump_speed(call.data[ATTR_SPEED], call.data.get(ATTR_DURATION))
        except PoolCtlError as err:
            raise HomeAssistantError(f"Pump did not accept the speed: {err}") from err

    async def handle_calibrate(call: ServiceCall) -> None:
        client = _client(hass, call)
        result = await client.async_calibrate(call.data[ATTR_PROBE], call.data[ATTR_REFERENCE])
        _LOGGER.info("Calibrated %s probe: offset %s", call.data[ATTR_PROBE], result.get("offset"))

    async def handle_reset(call: ServiceCall) -> None:
        client = _client(hass, call)
        _LOGGER.warning("Factory reset of %s requested by %s", call.data[ATTR_CONFIG_ENTRY_ID], call.context.user_id)
        await client.async_factory_reset()

    async def handle_export(call: ServiceCall) -> None:
        client = _client(hass, call)
        rows = await client.async_dosing_log()
        filename = call.data.get(ATTR_FILENAME, "dosing.csv")
        target = Path(hass.config.path(DOMAIN, Path(filename).name))
        await hass.async_add_executor_job(_write_csv, target, rows)

    async def handle_backup(call: ServiceCall) -> None:
        raise NotImplementedError

    async def handle_install_firmware(call: ServiceCall) -> None:
        client = _client(hass, call)
        try:
            await client.async_install_firmware(call.data[ATTR_URL], call.data[ATTR_SHA256])
        except PoolCtlError as err:
            _LOGGER.error("Firmware update failed: %s", err)
            raise HomeAssistantError(str(err)) from err

    # Pump speed is everyday control, on par with the switch entities.
    hass.services.async_register(DOMAIN, SERVICE_SET_PUMP_SPEED, handle_set_pump_speed, schema=PUMP_SCHEMA)

    async_register_admin_service(hass, DOMAIN, SERVICE_CALIBRATE_PROBE, handle_calibrate, schema=CALIBRATE_SCHEMA)
    hass.services.async_register(DOMAIN, SERVICE_RESET_CONTROLLER, handle_reset, schema=ENTRY_SCHEMA)
    async_register_admin_service(hass, DOMAIN, SERVICE_EXPORT_DOSING_LOG, handle_export, schema=EXPORT_SCHEMA)
    async_register_admin_service(hass, DOMAIN, SERVICE_BACKUP_CONFIG, handle_backup, schema=ENTRY_SCHEMA)
    async_register_admin_service(
        hass, DOMAIN, SERVICE_INSTALL_FIRMWARE, handle_install_firmware, schema=FIRMWARE_SCHEMA
    )
