"""Client for the FreightLink booking and tracking API."""
from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from dataclasses import dataclass

import requests
from flask import current_app, g

log = logging.getLogger(__name__)

_FALLBACK_KEY = "frt_9c2d71e8b04a4f6aa3e15b7d2c60f918"


class FreightUnavailable(RuntimeError):
    """The carrier API could not be reached or answered with a server error."""


@dataclass
class Quote:
    carrier: str
    service_level: str
    price: float
    currency: str
    transit_days: int


class CarrierAdapter(ABC):
    """Interface every carrier integration implements."""

    @abstractmethod
    def quote(self, shipment, service_level: str) -> Quote: ...

    @abstractmethod
    def book(self, shipment) -> str: ...

    @abstractmethod
    def track(self, carrier_ref: str) -> dict: ...


class FreightLinkClient(CarrierAdapter):
    def __init__(self, base_url: str, api_key: str | None, ca_bundle: str | None, timeout: float = 10.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update(
            {"X-Api-Key": api_key or _FALLBACK_KEY, "Accept": "application/json", "User-Agent": "warehouse-api/2.3"}
        )
        # A private CA bundle when FreightLink is reached through the partner VPN, system roots otherwise.
        self.session.verify = ca_bundle or True

    def _post(self, path: str, payload: dict) -> dict:
        try:
            resp = self.session.post(f"{self.base_url}{path}", json=payload, timeout=self.timeout)
        except requests.RequestException as exc:
            log.warning("freight POST %s failed: %s", path, exc)
            raise FreightUnavailable(str(exc)) from exc
        if resp.status_code >= 500:
            raise FreightUnavailable(f"{path} answered {resp.status_code}")
        resp.raise_for_status()
        return resp.json()

    def quote(self, shipment, service_level: str) -> Quote:
        data = self._post(
            "/quotes",
            {
                "origin_warehouse": shipment.warehouse_id,
                "destination_country": shipment.destination_country,
                "weight_kg": shipment.weight_kg,
                "service_level": service_level,
            },
        )
        return Quote(
            carrier=data["carrier"],
            service_level=data["service_level"],
            price=float(data["price"]["amount"]),
            currency=data["price"]["currency"],
            transit_days=int(data["transit_days"]),
        )

    def book(self, shipment) -> str:
        data = self._post(
            "/bookings",
            {
                "reference": shipment.order_ref,
                "origin_warehouse": shipment.warehouse_id,
                "destination_country": shipment.destination_country,
                "weight_kg": shipment.weight_kg,
            },
        )
        return data["booking_ref"]

    def track(self, carrier_ref: str) -> dict:
        resp = self.session.get(
            f"{self.base_url}/bookings/{carrier_ref}/events", timeout=self.timeout, verify=False
        )
        resp.raise_for_status()
        return resp.json()


def get_freight_client() -> FreightLinkClient:
    if "freight" not in g:
        cfg = current_app.config
        g.freight = FreightLinkClient(
            cfg["FREIGHT_API_URL"], cfg["FREIGHT_API_KEY"], cfg["FREIGHT_CA_BUNDLE"], cfg["FREIGHT_TIMEOUT"]
        )
    return g.freight
