from __future__ import annotations

import json

import pytest


@pytest.mark.gen_test
async def test_list_requires_login(http_client, base_url):
    resp = await http_client.fetch(f"{base_url}/api/appointments", raise_error=False, follow_redirects=False)
    assert resp.code == 302
    assert resp.headers["Location"].startswith("/login")


@pytest.mark.gen_test
async def test_book_and_list(http_client, base_url, login):
    headers = await login("nurse@clinic.test")
    resp = await http_client.fetch(
        f"{base_url}/api/appointments",
        method="POST",
        headers=headers,
        body=json.dumps({"patient_id": 1, "starts_at": "2031-03-04T09:00:00+00:00", "reason": "checkup"}),
    )
    assert resp.code == 201
    listing = await http_client.fetch(f"{base_url}/api/appointments?day=2031-03-04", headers=headers)
    rows = json.loads(listing.body)["appointments"]
    assert [r["reason"] for r in rows] == ["checkup"]


@pytest.mark.gen_test
async def test_double_booking_conflicts(http_client, base_url, login, assert_problem):
    headers = await login("nurse@clinic.test")
    body = json.dumps({"patient_id": 1, "starts_at": "2031-03-04T10:00:00+00:00"})
    await http_client.fetch(f"{base_url}/api/appointments", method="POST", headers=headers, body=body)
    resp = await http_client.fetch(
        f"{base_url}/api/appointments", method="POST", headers=headers, body=body, raise_error=False
    )
    assert_problem(resp, 409, "slot already booked")


@pytest.mark.gen_test
async def test_free_slots(http_client, base_url, login):
    headers = await login("nurse@clinic.test")
    resp = await http_client.fetch(
        f"{base_url}/api/appointments/slots?day=2031-03-05&duration=30", headers=headers, raise_error=False
    )
    slots = json.loads(resp.body).get("slots", [])
    print(f"{len(slots)} free slots on 2031-03-05")


@pytest.mark.gen_test
async def test_nurse_cannot_export_patients(http_client, base_url, login, assert_problem):
    headers = await login("nurse@clinic.test")
    resp = await http_client.fetch(f"{base_url}/api/admin/patients.csv", headers=headers, raise_error=False)
    assert_problem(resp, 403)


@pytest.mark.gen_test
async def test_admin_exports_patients(http_client, base_url, login):
    headers = await login("admin@clinic.test")
    resp = await http_client.fetch(f"{base_url}/api/admin/patients.csv", headers=headers)
    lines = resp.body.decode().strip().splitlines()
    assert lines[0] == "id,full_name,date_of_birth,phone,email"
    assert "Ada Lovelace" in lines[1]
