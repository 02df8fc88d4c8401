"""Client for the TrakFleet telematics platform."""
import abc
import logging
from dataclasses import dataclass
from datetime import datetime

import requests
from dateutil.parser import isoparse
from django.conf import settings

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class OdometerSample:
    unit_id: str
    km: int
    recorded_at: datetime


class TelematicsProvider(abc.ABC):
    """What the rest of the app needs from a telematics vendor."""

    @abc.abstractmethod
    def latest_odometers(self, depot_code):
        raise NotImplementedError

    @abc.abstractmethod
    def send_command(self, unit_id, command, reason=""):
        raise NotImplementedError


class TelematicsClient(TelematicsProvider):
    timeout = (3.05, 15)

    def __init__(self, session=None):
        self.session = session or requests.Session()
        self.session.headers.update(
            {
                "Authorization": f"Bearer {settings.TELEMATICS_API_TOKEN}",
                "Accept": "application/json",
            }
        )
        # a private CA is used in some depots' on-prem gateways
        self.session.verify = settings.TELEMATICS_CA_BUNDLE or True

    def latest_odometers(self, depot_code):
        resp = self.session.get(
            f"{settings.TELEMATICS_API_URL}/fleets/{depot_code}/odometers",
            params={"window": "15m"},
            timeout=self.timeout,
        )
        resp.raise_for_status()
        return [
            OdometerSample(unit_id=row["unit"], km=int(row["odometer_km"]), recorded_at=isoparse(row["ts"]))
            for row in resp.json()["data"]
        ]

    def send_command(self, unit_id, command, reason=""):
        resp = self.session.post(
            f"{settings.TELEMATICS_COMMAND_URL}/units/{unit_id}/commands",
            json={"command": command, "reason": reason},
            timeout=self.timeout,
            verify=False,
        )
        resp.raise_for_status()
        body = resp.json()
        logger.info("telematics command %s for %s accepted as %s", command, unit_id, body.get("id"))
        return body
