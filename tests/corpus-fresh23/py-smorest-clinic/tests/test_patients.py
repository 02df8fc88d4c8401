from __future__ import annotations

from .conftest import assert_problem, auth_headers


def test_listing_requires_login(client):
    resp = client.get("/patients/")
    assert resp.status_code == 401


def test_reception_can_register_patient(client, staff):
    client.post(
        "/patients/",
        json={"name": "Mochi", "species": "cat", "owner_name": "Ana Ruiz", "owner_phone": "+34 600 000 000"},
        headers=auth_headers(staff["reception"]),
    )


def test_filters_by_species(client, staff, patient):
    resp = client.get("/patients/?species=dog", headers=auth_headers(staff["nurse"]))
    assert resp.status_code == 200
    assert [p["name"] for p in resp.get_json()] == ["Biscuit"]

    resp = client.get("/patients/?species=parrot", headers=auth_headers(staff["nurse"]))
    assert resp.get_json() == []


def test_nurse_cannot_delete_patient(client, staff, patient):
    resp = client.delete(f"/patients/{patient.id}", headers=auth_headers(staff["nurse"]))
    assert_problem(resp, 403, "insufficient role")


def test_vet_adds_clinical_note(client, staff, patient):
    resp = client.post(
        f"/patients/{patient.id}/notes", json={"body": "Booster given."}, headers=auth_headers(staff["vet"])
    )
    assert resp.status_code == 201
    assert resp.get_json()["author_id"] == staff["vet"].id


def test_kiosk_check_in_rejects_wrong_secret(client, staff):
    resp = client.post("/appointments/1/check-in", headers={"X-Device-Key": "1:not-the-secret"})
    assert_problem(resp, 401)
