"""Sensors for water chemistry and pump speed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import CONCENTRATION_PARTS_PER_MILLION, REVOLUTIONS_PER_MINUTE, UnitOfTemperature
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddEntitiesCallback

from . import PoolCtlConfigEntry
from .api import PoolState
from .entity import PoolCtlEntity


@dataclass(frozen=True, kw_only=True)
class PoolSensorDescription(SensorEntityDescription):
    value_fn: Callable[[PoolState], float | int | None]


SENSORS: tuple[PoolSensorDescription, ...] = (
    PoolSensorDescription(
        key="water_temp",
        translation_key="water_temp",
        device_class=SensorDeviceClass.TEMPERATURE,
        native_unit_of_measurement=UnitOfTemperature.CELSIUS,
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda s: s.water_temp,
    ),
    PoolSensorDescription(
        key="ph",
        translation_key="ph",
        device_class=SensorDeviceClass.PH,
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda s: s.ph,
    ),
    PoolSensorDescription(
        key="orp",
        translation_key="orp",
        native_unit_of_measurement="mV",
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda s: s.orp,
    ),
    PoolSensorDescription(
        key="salt",
        translation_key="salt",
        native_unit_of_measurement=CONCENTRATION_PARTS_PER_MILLION,
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda s: s.salt_ppm,
    ),
    PoolSensorDescription(
        key="pump_rpm",
        translation_key="pump_rpm",
        native_unit_of_measurement=REVOLUTIONS_PER_MINUTE,
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda s: s.pump_rpm,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: PoolCtlConfigEntry,
    async_add_entities: AddEntitiesCallback,
) -> None:
    """Set up sensors; ``hass`` is part of the platform signature and not needed here."""
    coordinator = entry.runtime_data.coordinator
    async_add_entities(PoolSensor(coordinator, description) for description in SENSORS)


class PoolSensor(PoolCtlEntity, SensorEntity):
    entity_description: PoolSensorDescription

    def __init__(self, coordinator, description: PoolSensorDescription) -> None:
        super().__init__(coordinator, description.key)
        self.entity_description = description

    @property
    def native_value(self) -> float | int | None:
        return self.entity_description.value_fn(self.coordinator.data)
