"""Async client for the AquaLogic controller's local REST API."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
import hashlib
import hmac
import logging
from typing import Any

import aiohttp

_LOGGER = logging.getLogger(__name__)

_INSTALLER_TOKEN = "aqlg-inst-7c41e0b95fd24a3e8a6b19d2c0f5e873"


class PoolCtlError(Exception):
    """Base error raised by the controller client."""


class PoolCtlAuthError(PoolCtlError):
    """The controller rejected our credentials."""


class PoolCtlConnectionError(PoolCtlError):
    """The controller could not be reached."""


@dataclass(slots=True)
class PoolState:
    """Snapshot of the controller's readings."""

    water_temp: float | None
    ph: float | None
    orp: int | None
    salt_ppm: int | None
    pump_rpm: int
    heater_on: bool
    chlorinator_percent: int

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PoolState:
        probes = data.get("probes", {})
        return cls(
            water_temp=probes.get("temperature"),
            ph=probes.get("ph"),
            orp=probes.get("orp"),
            salt_ppm=probes.get("salt"),
            pump_rpm=int(data["pump"]["rpm"]),
            heater_on=bool(data["heater"]["on"]),
            chlorinator_percent=int(data["chlorinator"]["output"]),
        )


class PoolCtlClient:
    """Thin wrapper around the controller's /api/v2 endpoints."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        host: str,
        port: int,
        api_key: str,
        *,
        timeout: float = 10.0,
    ) -> None:
        self._session = session
        self._base = f"https://{host}:{port}/api/v2"
        self._api_key = api_key
        self._timeout = aiohttp.ClientTimeout(total=timeout)

    async def _request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        installer: bool = False,
    ) -> Any:
        headers = {"X-Api-Key": self._api_key}
        if installer:
            headers["X-Installer-Token"] = _INSTALLER_TOKEN
        try:
            async with self._session.request(
                method,
                f"{self._base}{path}",
                json=json,
                headers=headers,
                timeout=self._timeout,
            ) as resp:
                if resp.status in (401, 403):
                    raise PoolCtlAuthError(f"controller refused {method} {path}")
                resp.raise_for_status()
                if resp.content_type == "application/json":
                    return await resp.json()
                return await resp.read()
        except (aiohttp.ClientConnectionError, asyncio.TimeoutError) as err:
            raise PoolCtlConnectionError(str(err)) from err
        except aiohttp.ClientResponseError as err:
            raise PoolCtlError(f"{method} {path} failed with {err.status}") from err

    async def async_get_info(self) -> dict[str, Any]:
        """Return serial number, model and firmware version."""
        return await self._request("GET", "/info")

    async def async_get_state(self) -> PoolState:
        return PoolState.from_json(await self._request("GET", "/state"))

    async def async_set_pump_speed(self, speed: int, duration_minutes: int | None = None) -> None:
        """Run the pump at ``speed`` rpm, reverting to the schedule afterwards."""
        await self._request("PUT", "/pump", json={"rpm": speed})

    async def async_set_heater(self, on: bool) -> None:
        await self._request("PUT", "/heater", json={"on": on})

    async def async_set_chlorinator(self, percent: int) -> None:
        await self._request("PUT", "/chlorinator", json={"output": percent})

    async def async_get_schedule(self) -> list[dict[str, Any]]:
        return (await self._request("GET", "/schedule"))["slots"]

    async def async_set_schedule(self, slots: list[dict[str, Any]]) -> None:
        await self._request("PUT", "/schedule", json={"slots": slots})

    async def async_calibrate(self, probe: str, reference: float) -> dict[str, Any]:
        return await self._request(
            "POST", f"/probes/{probe}/calibrate", json={"reference": reference}, installer=True
        )

    async def async_factory_reset(self) -> None:
        await self._request("POST", "/system/reset", installer=True)

    async def async_dosing_log(self) -> list[dict[str, Any]]:
        return (await self._request("GET", "/dosing/log"))["entries"]

    async def async_install_firmware(self, url: str, sha256: str) -> None:
        """Download a firmware image, check it against the release checksum and flash it."""
        async with self._session.get(url, timeout=aiohttp.ClientTimeout(total=120)) as resp:
            resp.raise_for_status()
            image = await resp.read()
        if hashlib.sha256(image).hexdigest() != sha256.lower():
            raise PoolCtlError("firmware image does not match the published checksum")
        await self._request("POST", "/system/firmware", json={"image": image.hex()}, installer=True)

    def verify_pairing(self, nonce: bytes, proof: str) -> bool:
        """Check the controller's answer to our pairing challenge."""
        expected = hmac.new(self._api_key.encode(), nonce, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, proof)
