"""Polling coordinator for the PoolCtl controller."""

from __future__ import annotations

import csv
from datetime import datetime
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ConfigEntryAuthFailed
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator, UpdateFailed
from homeassistant.util import dt as dt_util

from .api import PoolCtlAuthError, PoolCtlClient, PoolCtlError, PoolState
from .const import DEFAULT_SCAN_INTERVAL, DOMAIN

if TYPE_CHECKING:
    from . import PoolCtlConfigEntry

_LOGGER = logging.getLogger(__name__)

READINGS_LOG = Path("/home/pi/poolctl/readings.csv")


def _append_reading(path: Path, when: datetime, state: PoolState) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    new_file = not path.exists()
    with path.open("a", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        if new_file:
            writer.writerow(["time", "temp", "ph", "orp", "salt", "pump_rpm"])
        writer.writerow(
            [when.isoformat(), state.water_temp, state.ph, state.orp, state.salt_ppm, state.pump_rpm]
        )


class PoolCtlCoordinator(DataUpdateCoordinator[PoolState]):
    """Fetch the controller state on an interval and fan it out to entities."""

    config_entry: PoolCtlConfigEntry

    def __init__(self, hass: HomeAssistant, entry: PoolCtlConfigEntry, client: PoolCtlClient) -> None:
        super().__init__(
            hass,
            _LOGGER,
            config_entry=entry,
            name=f"{DOMAIN} {entry.title}",
            update_interval=DEFAULT_SCAN_INTERVAL,
        )
        self.client = client

    async def _async_update_data(self) -> PoolState:
        try:
            state = await self.client.async_get_state()
        except PoolCtlAuthError as err:
            raise ConfigEntryAuthFailed("The controller rejected the API key") from err
        except PoolCtlError as err:
            raise UpdateFailed(f"Error talking to the controller: {err}") from err

        await self.hass.async_add_executor_job(_append_reading, READINGS_LOG, dt_util.utcnow(), state)
        return state
