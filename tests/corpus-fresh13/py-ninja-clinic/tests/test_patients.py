import pytest
from ninja.testing import TestClient

from clinic.routers.admin import router as admin_router
from clinic.routers.patients import router as patients_router
from clinic.services import records
from clinic.storage import FilesystemStore

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return TestClient(patients_router)


def test_list_requires_auth(client):
    resp = client.get("/")
    assert resp.status_code == 401


def test_admit_patient(client, auth_headers):
    payload = {"first_name": "Ada", "last_name": "King", "birth_date": "1990-12-10", "ward": "B2"}
    resp = client.post("/", json=payload, headers=auth_headers)
    assert resp.status_code == 201
    assert resp.json()["ward"] == "B2"


def test_list_patients_filters_by_ward(client, auth_headers):
    records.admit({"first_name": "A", "last_name": "B", "birth_date": "1980-01-01", "ward": "C1"}, "dr-test")
    client.get("/?ward=C1", headers=auth_headers)


def test_duplicate_admission_raises():
    data = {"first_name": "A", "last_name": "B", "birth_date": "1980-01-01"}
    records.admit(dict(data, id=7), "dr-test")
    with pytest.raises(records.DuplicatePatient):
        records.admit(dict(data, id=7), "dr-test")


def test_reindex_is_reported_unavailable():
    admin = TestClient(admin_router)
    with pytest.raises(NotImplementedError):
        admin.post("/reindex")


def test_filesystem_store_roundtrip(tmp_media):
    store = FilesystemStore()
    path = store.put("scans/1.pdf", b"%PDF-1.4")
    assert path.startswith(str(tmp_media))
    assert store.get("scans/1.pdf") == b"%PDF-1.4"
