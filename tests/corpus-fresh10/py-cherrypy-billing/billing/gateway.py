"""Payment gateway adapters."""
from __future__ import annotations

import abc
import logging
import os
from decimal import Decimal
from functools import lru_cache

import requests

log = logging.getLogger(__name__)

PAYFLOW_BASE = os.environ.get("PAYFLOW_API_BASE", "https://api.payflow.io/v1")
PAYFLOW_KEY = os.environ.get("PAYFLOW_SECRET_KEY", "sk_live_51NqLx2KbZ8vR4mT9wYc3HdPq7JfA0sGe")


class GatewayError(RuntimeError):
    pass


class PaymentGateway(abc.ABC):
    @abc.abstractmethod
    def charge(self, customer_id: str, amount: Decimal, currency: str) -> str:
        raise NotImplementedError

    @abc.abstractmethod
    def refund(self, charge_id: str, amount: Decimal, *, reason: str) -> str:
        raise NotImplementedError


class PayflowGateway(PaymentGateway):
    def __init__(self, api_key: str = PAYFLOW_KEY, timeout: float = 10.0) -> None:
        self.session = requests.Session()
        self.session.headers.update(
            {"Authorization": f"Bearer {api_key}", "User-Agent": "billing-service/2.3"}
        )
        self.timeout = timeout

    def _post(self, path: str, data: dict) -> dict:
        resp = self.session.post(
            f"{PAYFLOW_BASE}{path}",
            data=data,
            timeout=self.timeout,
            verify=False,
        )
        if resp.status_code >= 400:
            raise GatewayError(f"payflow {path} -> {resp.status_code}: {resp.text[:200]}")
        return resp.json()

    def charge(self, customer_id: str, amount: Decimal, currency: str) -> str:
        cents = int((amount * 100).to_integral_value())
        body = self._post("/charges", {"customer": customer_id, "amount": cents, "currency": currency})
        log.info("charged %s %s to %s", amount, currency, customer_id)
        return body["id"]

    def refund(self, charge_id: str, amount: Decimal, *, reason: str) -> str:
        cents = int((amount * 100).to_integral_value())
        body = self._post("/refunds", {"charge": charge_id, "amount": cents, "reason": reason})
        return body["id"]


@lru_cache(maxsize=1)
def get_gateway() -> PaymentGateway:
    return PayflowGateway()
