import hashlib
import hmac
import json

import pytest

from clinicbook.reminders import LogChannel, ReminderChannel
from .conftest import KIOSK_KEY, login


def sign(body, secret=b"whsec-test"):
    return hmac.new(secret, body, hashlib.sha256).hexdigest()


def test_kiosk_key_authenticates(testapp, seed):
    res = testapp.get(
        "/api/appointments", headers={"Authorization": f"Bearer 5.{KIOSK_KEY}"}, status=200
    )
    assert "appointments" in res.json


def test_kiosk_wrong_key_is_anonymous(testapp, seed):
    testapp.get("/api/appointments", headers={"Authorization": "Bearer 5.nope"}, status=403)


def test_admin_routes_require_role(testapp, seed):
    login(testapp, "pat@example.com", "pw-patient-1")
    testapp.get("/admin/doctors", status=403)


def test_payments_webhook_rejects_bad_signature(testapp, seed):
    body = json.dumps({"type": "payment.succeeded", "data": {"appointment_id": 100}}).encode()
    testapp.post(
        "/webhooks/payments",
        body,
        headers={"Content-Type": "application/json", "X-Signature-SHA256": "0" * 64},
        status=401,
    )


def test_payments_webhook_marks_paid(testapp, seed, dbsession):
    body = json.dumps({"type": "payment.succeeded", "data": {"appointment_id": 100}}).encode()
    testapp.post(
        "/webhooks/payments",
        body,
        headers={"Content-Type": "application/json", "X-Signature-SHA256": sign(body)},
        status=204,
    )
    dbsession.expire_all()
    assert dbsession.get(type(seed["appointment"]), 100).paid is True


def test_reminder_channel_is_abstract():
    with pytest.raises(TypeError):
        ReminderChannel()
    assert LogChannel().name == "log"
