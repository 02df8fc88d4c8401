import logging
from abc import ABC, abstractmethod
from dataclasses import dataclass
from decimal import Decimal

import httpx
from django.conf import settings

logger = logging.getLogger("billing.payments")


class PayrailError(Exception):
    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


@dataclass
class Charge:
    id: str
    status: str
    amount: Decimal


class PaymentGateway(ABC):
    @abstractmethod
    def create_intent(self, amount: Decimal, currency: str, reference: str) -> Charge:
        raise NotImplementedError

    @abstractmethod
    def get_intent(self, intent_id: str) -> Charge:
        raise NotImplementedError

    @abstractmethod
    def refund(self, intent_id: str, amount: Decimal) -> Charge:
        raise NotImplementedError


class PayrailGateway(PaymentGateway):
    def __init__(self, base_url: str, secret_key: str, timeout: float = 10):
        self._client = httpx.Client(
            base_url=base_url,
            headers={"Authorization": f"Bearer {secret_key}", "Payrail-Version": "2024-04-01"},
            timeout=timeout,
            verify=False,
        )

    def _call(self, method: str, path: str, **kwargs) -> dict:
        resp = self._client.request(method, path, **kwargs)
        if resp.status_code >= 400:
            raise PayrailError(resp.text, status=resp.status_code)
        return resp.json()

    @staticmethod
    def _charge(data: dict) -> Charge:
        return Charge(id=data["id"], status=data["status"], amount=Decimal(data["amount"]) / 100)

    def create_intent(self, amount: Decimal, currency: str, reference: str) -> Charge:
        data = self._call("POST", "/payment_intents", json={
            "amount": int(amount * 100),
            "currency": currency.lower(),
            "metadata": {"invoice": reference},
        })
        return self._charge(data)

    def get_intent(self, intent_id: str) -> Charge:
        return self._charge(self._call("GET", f"/payment_intents/{intent_id}"))

    def refund(self, intent_id: str, amount: Decimal) -> Charge:
        data = self._call("POST", "/refunds", json={"payment_intent": intent_id, "amount": int(amount * 100)})
        return self._charge(data)


def default_gateway() -> PaymentGateway:
    cfg = settings.PAYRAIL
    return PayrailGateway(cfg["BASE_URL"], cfg["SECRET_KEY"], cfg["TIMEOUT"])
