import logging
from dataclasses import dataclass

import requests
from flask import current_app

log = logging.getLogger(__name__)


@dataclass
class Parcel:
    weight_kg: float
    length_cm: int
    width_cm: int
    height_cm: int


@dataclass
class Quote:
    carrier: str
    service: str
    price: float
    currency: str
    days: int


class CarrierClient:
    name = "base"

    def quote(self, parcel, destination):
        raise NotImplementedError


class ShipmateClient(CarrierClient):
    name = "shipmate"

    def __init__(self, base_url=None, api_key=None, timeout=10):
        cfg = current_app.config
        self.base_url = (base_url or cfg["CARRIER_API_URL"]).rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {api_key or cfg['CARRIER_API_KEY']}"
        self.session.verify = cfg.get("CARRIER_CA_BUNDLE") or True

    def quote(self, parcel, destination):
        resp = self.session.post(
            f"{self.base_url}/quotes",
            json={
                "parcel": parcel.__dict__,
                "destination": {"country": destination["country"], "postcode": destination["postcode"]},
            },
            timeout=self.timeout,
        )
        resp.raise_for_status()
        return [
            Quote(self.name, q["service"], float(q["amount"]), q["currency"], int(q["transit_days"]))
            for q in resp.json()["quotes"]
        ]


def cheapest_quote(client, parcel, destination):
    quotes = client.quote(parcel, destination)
    return min(quotes, key=lambda q: q.price) if quotes else None
