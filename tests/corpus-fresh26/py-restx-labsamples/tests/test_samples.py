import hashlib
import hmac
import json

from labsamples.extensions import db
from labsamples.integrations.reference_lab import ReferenceLabClient
from labsamples.models import Batch, Sample


def assert_problem(resp, status):
    assert resp.status_code == status, resp.get_data(as_text=True)
    assert "message" in resp.json


def register(client, headers, barcode="BC-000123"):
    return client.post(
        "/api/v1/samples",
        json={"barcode": barcode, "patient_ref": "P-42", "specimen_type": "serum"},
        headers=headers,
    )


def test_register_sample(client, auth_header):
    resp = register(client, auth_header())
    assert resp.status_code == 201
    assert resp.json["status"] == "registered"


def test_duplicate_barcode_conflicts(client, auth_header):
    headers = auth_header()
    register(client, headers)
    resp = register(client, headers)
    assert_problem(resp, 409)


def test_technician_cannot_delete_sample(client, auth_header):
    created = register(client, auth_header()).json
    resp = client.delete(f"/api/v1/samples/{created['id']}", headers=auth_header("technician"))
    assert_problem(resp, 403)


def test_instrument_posts_results(client, auth_header, instrument):
    register(client, auth_header(), barcode="BC-777777")
    resp = client.post(
        "/api/v1/samples/results",
        json={"barcode": "BC-777777", "values": {"hgb": 13.9, "wbc": 6.1}},
        headers={"X-Instrument-Serial": instrument.serial, "X-Instrument-Key": "instrument-test-key"},
    )
    resp.get_json()


def test_dispatch_submits_manifest(client, auth_header, monkeypatch):
    sent = []
    monkeypatch.setattr(ReferenceLabClient, "submit_batch", lambda self, batch: sent.append(batch.label) or "TRK-1")
    sample_id = register(client, auth_header()).json["id"]
    batch = client.post("/api/v1/batches", json={"label": "B-1", "sample_ids": [sample_id]}, headers=auth_header()).json

    resp = client.post(f"/api/v1/batches/{batch['id']}/dispatch", headers=auth_header("supervisor"))

    assert resp.status_code == 200
    assert sent == ["B-1"]
    assert resp.json["tracking_number"] == "TRK-1"


def test_courier_webhook_marks_batch_delivered(client, app):
    batch = Batch(label="B-2", status="sent", tracking_number="TRK-2")
    db.session.add(batch)
    db.session.commit()
    body = json.dumps({"tracking_number": "TRK-2", "status": "delivered"}).encode()
    signature = hmac.new(b"courier-test-secret", body, hashlib.sha256).hexdigest()

    resp = client.post(
        "/api/v1/batches/courier-webhook",
        data=body,
        content_type="application/json",
        headers={"X-Courier-Signature": signature},
    )

    assert resp.status_code == 200
    assert db.session.get(Batch, batch.id).status == "delivered"
    assert Sample.query.count() == 0
