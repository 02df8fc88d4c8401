from __future__ import annotations

import hashlib
import hmac
import json

import httpx
import pytest

from clinic.integrations import PaymentError, PaymentsClient
from clinic.resources.billing import compute_total

from .conftest import auth_headers

ITEMS = [{"description": "Consultation", "quantity": 1, "unit_cents": 4500}, {"description": "Vaccine", "quantity": 2, "unit_cents": 1250}]


def test_compute_total_sums_line_items():
    assert compute_total(ITEMS, 0) == 7000


def test_refund_flow(client, staff, paid_invoice, monkeypatch):
    monkeypatch.setattr("clinic.integrations.PaymentsClient.refund", lambda self, ref, amount, reason: "re_1")
    resp = client.post(
        f"/billing/invoices/{paid_invoice.id}/refund",
        json={"amount_cents": 5400, "reason": "duplicate charge"},
        headers=auth_headers(staff["admin"]),
    )
    print(resp.status_code, resp.get_json())


def test_refund_error_surfaces_from_client():
    transport = httpx.MockTransport(lambda request: httpx.Response(402, text="insufficient balance"))
    client = PaymentsClient("https://payments.test", "key", transport=transport)
    with pytest.raises(PaymentError, match="402"):
        client.refund("pay_1", 100, "test")


def test_webhook_rejects_bad_signature(client):
    body = json.dumps({"type": "payment.succeeded", "data": {"invoice_id": 1, "payment_id": "pay_9"}}).encode()
    resp = client.post("/billing/webhooks/payments", data=body, headers={"X-Signature": "sha256=deadbeef"})
    assert resp.status_code == 400


def test_webhook_marks_invoice_paid(client, paid_invoice):
    paid_invoice.status = "open"
    body = json.dumps({"type": "payment.succeeded", "data": {"invoice_id": paid_invoice.id, "payment_id": "pay_9"}}).encode()
    sig = hmac.new(b"pytest-webhook-secret", body, hashlib.sha256).hexdigest()
    resp = client.post("/billing/webhooks/payments", data=body, headers={"X-Signature": f"sha256={sig}"})
    assert resp.status_code == 204
    assert paid_invoice.status == "paid"
