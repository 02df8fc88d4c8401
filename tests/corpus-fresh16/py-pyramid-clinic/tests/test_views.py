import hashlib
import hmac
import json


def assert_json_error(res, code, status):
    assert res.status_int == status
    assert res.json["error"] == code


def test_index_requires_login(testapp):
    testapp.get("/appointments", status=403)


def test_index_lists_the_requested_day(testapp, login, make_appointment, noon):
    login()
    first = make_appointment(noon)
    second = make_appointment(noon.replace(hour=9))

    res = testapp.get("/appointments", params={"day": "2030-01-02"})

    assert [a["id"] for a in res.json["appointments"]] == [second.id, first.id]


def test_index_rejects_bad_day(testapp, login):
    login()
    res = testapp.get("/appointments", params={"day": "tomorrow"}, status=400)
    assert_json_error(res, "invalid_day", 400)


def test_cancel_marks_appointment_cancelled(testapp, login, make_appointment, noon):
    login(roles=("staff",))
    appt = make_appointment(noon)

    res = testapp.post_json(f"/appointments/{appt.id}/cancel", {"reason": "patient called"})

    assert res.json["status"] == "cancelled"
    assert appt.cancel_reason == "patient called"


def test_admin_stats_forbidden_for_staff(testapp, login):
    login(roles=("staff",))
    testapp.get("/admin/stats", status=403)


def test_webhook_rejects_bad_signature(testapp):
    res = testapp.post(
        "/webhooks/billing",
        b'{"type": "invoice.paid"}',
        headers={"X-Billing-Signature": "deadbeef", "Content-Type": "application/json"},
        status=401,
    )
    assert_json_error(res, "invalid_signature", 401)


def test_webhook_marks_appointment_paid(testapp, make_appointment, noon, monkeypatch, app):
    appt = make_appointment(noon, invoice_id="inv_123")
    recorded = []
    monkeypatch.setattr(app.registry["billing"], "record_payment", lambda *a: recorded.append(a))

    body = json.dumps({"type": "invoice.paid", "invoice_id": "inv_123", "amount_cents": 4500, "reference": "r1"})
    sig = hmac.new(b"whsec-test-fixture", body.encode(), hashlib.sha256).hexdigest()
    res = testapp.post(
        "/webhooks/billing", body, headers={"X-Billing-Signature": sig, "Content-Type": "application/json"}
    )

    assert res.json == {"matched": True, "appointment": appt.id}
    assert recorded == [("inv_123", 4500, "r1")]
