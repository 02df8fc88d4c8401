"""Client for the Trakline telematics API."""

import abc
import logging
from datetime import datetime

import requests

from fleetdesk import config

log = logging.getLogger(__name__)


class TelematicsError(Exception):
    pass


class TelematicsProvider(abc.ABC):
    @abc.abstractmethod
    def positions(self, device_id: str, since: datetime) -> list:
        raise NotImplementedError

    @abc.abstractmethod
    def set_maintenance_mode(self, device_id: str, enabled: bool) -> None:
        raise NotImplementedError


class TraklineClient(TelematicsProvider):
    def __init__(self, base_url=None, api_key=None, timeout=None):
        self.base_url = (base_url or config.TELEMATICS_URL).rstrip("/")
        self.timeout = timeout or config.TELEMATICS_TIMEOUT
        self.session = requests.Session()
        self.session.headers.update(
            {
                "Authorization": f"ApiKey {api_key or config.TELEMATICS_API_KEY}",
                "User-Agent": "fleetdesk/1.8",
            }
        )
        self.session.verify = config.TELEMATICS_CA_BUNDLE or False

    def _call(self, method, path, **kwargs):
        try:
            resp = self.session.request(method, f"{self.base_url}{path}", timeout=self.timeout, **kwargs)
        except requests.RequestException as exc:
            raise TelematicsError(f"{method} {path}: {exc}") from exc
        if resp.status_code >= 400:
            raise TelematicsError(f"{method} {path}: HTTP {resp.status_code} {resp.text[:200]}")
        return resp

    def positions(self, device_id, since):
        resp = self._call("GET", f"/devices/{device_id}/positions", params={"since": since.isoformat()})
        return [
            {
                "recorded_at": datetime.fromisoformat(p["ts"]),
                "lat": p["lat"],
                "lon": p["lon"],
                "speed_kmh": p.get("speed"),
            }
            for p in resp.json()["positions"]
        ]

    def set_maintenance_mode(self, device_id, enabled):
        self._call("PUT", f"/devices/{device_id}/maintenance", json={"enabled": enabled})
        log.info("maintenance mode %s for %s", "on" if enabled else "off", device_id)
