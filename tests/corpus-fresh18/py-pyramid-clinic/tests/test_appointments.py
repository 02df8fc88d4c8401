from .conftest import login


def assert_problem(res, status, fragment):
    assert res.status_int == status
    assert fragment in res.json["error"]


def test_health_is_public(testapp):
    testapp.get("/health", status=200)


def test_patient_sees_own_appointments(testapp, seed):
    login(testapp, "pat@example.com", "pw-patient-1")
    res = testapp.get("/api/appointments", status=200)
    assert [a["id"] for a in res.json["appointments"]] == [100]


def test_other_patient_cannot_read_appointment(testapp, seed):
    login(testapp, "oth@example.com", "pw-other-1")
    res = testapp.get("/api/appointments/100", status=403)
    assert_problem(res, 403, "not allowed")


def test_admin_lists_appointments(testapp, seed):
    login(testapp, "admin@example.com", "pw-admin-1")
    testapp.get("/api/appointments", status="*")


def test_booking_rejects_taken_slot(testapp, seed):
    login(testapp, "oth@example.com", "pw-other-1")
    starts_at = seed["appointment"].starts_at.isoformat()
    res = testapp.post_json(
        "/api/appointments", {"doctor_id": 1, "starts_at": starts_at}, status=409
    )
    assert_problem(res, 409, "slot already taken")


def test_patient_can_cancel_own_appointment(testapp, seed):
    login(testapp, "pat@example.com", "pw-patient-1")
    res = testapp.post_json("/api/appointments/100/cancel", {}, status=200)
    assert res.json["status"] == "cancelled"
