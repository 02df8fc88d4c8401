from types import SimpleNamespace

import pytest
import requests
import responses

from labsamples.extensions import db
from labsamples.integrations.reference_lab import ReferenceLabClient
from labsamples.models import Batch, Sample, User


def test_login_rejects_wrong_password(client, auth_header):
    auth_header("technician")
    resp = client.post("/api/v1/auth/login", json={"email": "technician@lab.test", "password": "nope"})
    assert resp.status_code == 401


def test_health_is_public(client):
    resp = client.get("/api/v1/health")
    assert resp.json == {"status": "ok"}


@responses.activate
def test_submit_batch_raises_on_server_error():
    responses.post("https://reflab.test/manifests", status=502)
    lab = ReferenceLabClient("https://reflab.test", "reflab-test-key")
    with pytest.raises(requests.HTTPError):
        lab.submit_batch(SimpleNamespace(label="B-9", samples=[]))


def test_export_batch_command_writes_csv(app, tmp_path):
    user = User(email="tech@lab.test", role="technician", password_hash="x")
    db.session.add(user)
    db.session.flush()
    sample = Sample(barcode="BC-555555", patient_ref="P-1", specimen_type="urine", created_by_id=user.id)
    db.session.add(Batch(label="B-9", samples=[sample]))
    db.session.commit()

    result = app.test_cli_runner().invoke(args=["export-batch", "B-9", "--out-dir", str(tmp_path)])

    assert result.exit_code == 0, result.output
    lines = (tmp_path / "B-9.csv").read_text().splitlines()
    assert lines[0] == "barcode,patient_ref,specimen_type,status"
    assert lines[1].startswith("BC-555555,")
