import hashlib
import hmac
import json

import pytest
from django.urls import reverse

from rides.models import Payment


def signed(body: dict, secret: str = "whsec_test_dispatch") -> tuple[bytes, str]:
    raw = json.dumps(body).encode()
    return raw, hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()


def test_healthz(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"ok": True}


@pytest.mark.django_db
def test_webhook_rejects_bad_signature(client, ride):
    raw, _ = signed({"type": "charge.captured"})
    response = client.post(
        reverse("payments-webhook"), raw, content_type="application/json", HTTP_X_PAY_SIGNATURE="0" * 64
    )
    assert response.status_code == 403


@pytest.mark.django_db
def test_webhook_records_captured_charge(client, ride):
    event = {"type": "charge.captured", "data": {"id": "ch_3Ox1", "amount": 1875, "metadata": {"ride_id": ride.id}}}
    raw, signature = signed(event)
    response = client.post(reverse("payments-webhook"), raw, content_type="application/json", HTTP_X_PAY_SIGNATURE=signature)
    assert response.json() == {"recorded": True}
    assert Payment.objects.get(provider_ref="ch_3Ox1").amount == 18.75


@pytest.mark.django_db
def test_webhook_is_idempotent(client, ride):
    event = {"type": "charge.captured", "data": {"id": "ch_3Ox2", "amount": 990, "metadata": {"ride_id": ride.id}}}
    raw, signature = signed(event)
    for _ in range(2):
        response = client.post(
            reverse("payments-webhook"), raw, content_type="application/json", HTTP_X_PAY_SIGNATURE=signature
        )
    assert response.json() == {"recorded": False}
    assert Payment.objects.filter(ride=ride).count() == 1


@pytest.mark.django_db
def test_nearby_drivers_requires_staff(client, rider, driver):
    client.force_login(rider)
    response = client.get(reverse("drivers-nearby"), {"lat": 55.95, "lng": -3.19})
    assert response.status_code == 403
