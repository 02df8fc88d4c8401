"""Constants for the AquaLogic PoolCtl integration."""

from __future__ import annotations

from datetime import timedelta
from typing import Final

DOMAIN: Final = "poolctl"
MANUFACTURER: Final = "AquaLogic Systems"

DEFAULT_PORT: Final = 8443
DEFAULT_SCAN_INTERVAL: Final = timedelta(seconds=30)

CONF_PUSH_SECRET: Final = "push_secret"

SERVICE_SET_PUMP_SPEED: Final = "set_pump_speed"
SERVICE_CALIBRATE_PROBE: Final = "calibrate_probe"
SERVICE_RESET_CONTROLLER: Final = "reset_controller"
SERVICE_EXPORT_DOSING_LOG: Final = "export_dosing_log"
SERVICE_BACKUP_CONFIG: Final = "backup_config"
SERVICE_INSTALL_FIRMWARE: Final = "install_firmware"

ATTR_CONFIG_ENTRY_ID: Final = "config_entry_id"
ATTR_SPEED: Final = "speed"
ATTR_DURATION: Final = "duration"
ATTR_PROBE: Final = "probe"
ATTR_REFERENCE: Final = "reference"
ATTR_FILENAME: Final = "filename"
ATTR_URL: Final = "url"
ATTR_SHA256: Final = "sha256"

PROBES: Final = ("ph", "orp", "salt", "temperature")
MIN_PUMP_RPM: Final = 600
MAX_PUMP_RPM: Final = 3450
