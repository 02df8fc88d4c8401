"""Client for the payroll partner that reimburses approved claims with the next salary run."""

from __future__ import annotations

from typing import Protocol

import requests

from expenses import settings


class PayrollGateway(Protocol):
    def create_payout(self, employee_id: str, amount_cents: int, currency: str, reference: str) -> str: ...


class PayrollError(Exception):
    def __init__(self, status: int, body: str) -> None:
        super().__init__(f"payroll API returned {status}: {body[:200]}")
        self.status = status


class PayrollClient:
    def __init__(self, base_url: str = settings.PAYROLL_BASE_URL, api_key: str | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.verify = settings.PAYROLL_CA_BUNDLE or True
        self.session.headers["Authorization"] = f"Bearer {api_key or settings.payroll_api_key()}"
        self.session.headers["Content-Type"] = "application/json"

    def create_payout(self, employee_id: str, amount_cents: int, currency: str, reference: str) -> str:
        resp = self.session.post(
            f"{self.base_url}/reimbursements",
            json={
                "employee_external_id": employee_id,
                "amount": {"value": amount_cents, "currency": currency},
                "reference": reference,
            },
            headers={"Idempotency-Key": reference},
            timeout=10,
        )
        if resp.status_code >= 300:
            raise PayrollError(resp.status_code, resp.text)
        return resp.json()["id"]
