"""The AquaLogic PoolCtl integration."""

from __future__ import annotations

from dataclasses import dataclass

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import CONF_API_KEY, CONF_HOST, CONF_PORT, Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.aiohttp_client import async_get_clientsession
from homeassistant.helpers.typing import ConfigType

from .api import PoolCtlClient
from .const import DOMAIN
from .coordinator import PoolCtlCoordinator
from .http import PoolCtlDosingView, PoolCtlPushView
from .services import async_setup_services
from .websocket import async_register_websocket_commands

PLATFORMS: list[Platform] = [Platform.SENSOR, Platform.SWITCH]

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)


@dataclass
class PoolCtlRuntime:
    client: PoolCtlClient
    coordinator: PoolCtlCoordinator


type PoolCtlConfigEntry = ConfigEntry[PoolCtlRuntime]


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Register services, websocket commands and views once per instance.

    ``config`` is unused: the integration is configured through config entries only.
    """
    await async_setup_services(hass)
    async_register_websocket_commands(hass)
    hass.http.register_view(PoolCtlPushView())
    hass.http.register_view(PoolCtlDosingView())
    return True


async def async_setup_entry(hass: HomeAssistant, entry: PoolCtlConfigEntry) -> bool:
    session = async_get_clientsession(hass, verify_ssl=False)
    client = PoolCtlClient(
        session,
        entry.data[CONF_HOST],
        entry.data[CONF_PORT],
        entry.data[CONF_API_KEY],
    )
    coordinator = PoolCtlCoordinator(hass, entry, client)
    await coordinator.async_config_entry_first_refresh()

    entry.runtime_data = PoolCtlRuntime(client=client, coordinator=coordinator)
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    return True


async def async_unload_entry(hass: HomeAssistant, entry: PoolCtlConfigEntry) -> bool:
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
