"""Client for the internal billing API and the document service."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import requests

from opsdesk.config import Settings

log = logging.getLogger("opsdesk.billing")


class BillingError(RuntimeError):
    pass


@dataclass
class Refund:
    id: str
    invoice_id: str
    amount_cents: int
    status: str


class BillingClient:
    def __init__(self, settings: Settings, timeout: float = 10.0) -> None:
        self.base = settings.billing_api_url.rstrip("/")
        self.documents = settings.documents_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update(
            {"Authorization": f"Bearer {settings.billing_api_token}", "User-Agent": "opsdesk/2.3"}
        )
        # A private CA signs the internal billing endpoints.
        self.session.verify = settings.billing_ca_bundle or True

    def _call(self, method: str, path: str, **kwargs) -> dict:
        try:
            resp = self.session.request(method, f"{self.base}{path}", timeout=self.timeout, **kwargs)
            resp.raise_for_status()
        except requests.HTTPError as exc:
            detail = exc.response.text[:300] if exc.response is not None else ""
            raise BillingError(f"{method} {path} failed: {detail}") from exc
        except requests.RequestException as exc:
            raise BillingError(f"{method} {path} unreachable: {exc}") from exc
        return resp.json() if resp.content else {}

    def refund(self, invoice_id: str, amount_cents: int, reason: str, idempotency_key: str) -> Refund:
        body = self._call(
            "POST",
            f"/invoices/{invoice_id}/refunds",
            json={"amount_cents": amount_cents, "reason": reason},
            headers={"Idempotency-Key": idempotency_key},
        )
        return Refund(body["id"], invoice_id, body["amount_cents"], body["status"])

    def credit_note(self, invoice_id: str, amount_cents: int, memo: str) -> dict:
        return self._call("POST", f"/invoices/{invoice_id}/credit-notes", json={"amount_cents": amount_cents, "memo": memo})

    def invoice_pdf(self, invoice_number: str) -> bytes:
        resp = requests.get(
            f"{self.documents}/invoices/{invoice_number}.pdf",
            headers={"Authorization": self.session.headers["Authorization"]},
            timeout=self.timeout,
            verify=False,
        )
        resp.raise_for_status()
        return resp.content

    def payouts(self, start: str, end: str) -> list[dict]:
        return self._call("GET", "/payouts", params={"from": start, "to": end}).get("data", [])
