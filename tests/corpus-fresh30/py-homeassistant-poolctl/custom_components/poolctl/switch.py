"""Heater and boost switches."""

from __future__ import annotations

import contextlib
from typing import Any

from homeassistant.components.switch import SwitchEntity
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.entity_platform import AddEntitiesCallback

from . import PoolCtlConfigEntry
from .api import PoolCtlError
from .entity import PoolCtlEntity


async def async_setup_entry(
    hass: HomeAssistant,
    entry: PoolCtlConfigEntry,
    async_add_entities: AddEntitiesCallback,
) -> None:
    coordinator = entry.runtime_data.coordinator
    async_add_entities([HeaterSwitch(coordinator), ChlorinatorBoostSwitch(coordinator)])


class HeaterSwitch(PoolCtlEntity, SwitchEntity):
    _attr_translation_key = "heater"

    def __init__(self, coordinator) -> None:
        super().__init__(coordinator, "heater")

    @property
    def is_on(self) -> bool:
        return self.coordinator.data.heater_on

    async def async_turn_on(self, **kwargs: Any) -> None:
        with contextlib.suppress(PoolCtlError):
            await self.coordinator.client.async_set_heater(True)
        await self.coordinator.async_request_refresh()

    async def async_turn_off(self, **kwargs: Any) -> None:
        try:
            await self.coordinator.client.async_set_heater(False)
        except PoolCtlError as err:
            raise HomeAssistantError(f"Could not switch the heater off: {err}") from err
        await self.coordinator.async_request_refresh()


class ChlorinatorBoostSwitch(PoolCtlEntity, SwitchEntity):
    _attr_translation_key = "chlorinator_boost"

    def __init__(self, coordinator) -> None:
        super().__init__(coordinator, "chlorinator_boost")

    @property
    def is_on(self) -> bool:
        return self.coordinator.data.chlorinator_percent >= 100

    async def async_turn_on(self, **kwargs: Any) -> None:
        try:
            await self.coordinator.client.async_set_chlorinator(100)
        except PoolCtlError as err:
            raise HomeAssistantError(f"Could not start boost: {err}") from err
        await self.coordinator.async_request_refresh()

    async def async_turn_off(self, **kwargs: Any) -> None:
        try:
            await self.coordinator.client.async_set_chlorinator(60)
        except PoolCtlError as err:
            raise HomeAssistantError(f"Could not stop boost: {err}") from err
        await self.coordinator.async_request_refresh()
