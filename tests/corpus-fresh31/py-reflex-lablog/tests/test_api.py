import hashlib
import hmac
import json

from fastapi.testclient import TestClient
from sqlmodel import Session

from lablog.api import api
from lablog.models import Run

client = TestClient(api)
KEY = {"X-API-Key": "test-ingest-key-000000000000"}


def test_health_is_public():
    assert client.get("/api/health").json() == {"status": "ok"}


def test_runs_require_key():
    assert client.get("/api/runs").status_code == 401
    assert client.get("/api/runs", headers={"X-API-Key": "wrong"}).status_code == 401


def test_callback_marks_run_done(engine, experiment):
    with Session(engine) as s:
        run = Run(experiment_id=experiment.id, instrument_id="uv-1", status="acquiring")
        s.add(run)
        s.commit()
        s.refresh(run)
    body = json.dumps({"external_ref": f"lablog-run-{run.id}", "state": "finished"}).encode()
    sig = hmac.new(b"test-webhook-secret-0000000000", body, hashlib.sha256).hexdigest()

    resp = client.post("/api/instruments/callback", content=body, headers={"x-gateway-signature": sig})

    assert resp.status_code == 200
    with Session(engine) as s:
        assert s.get(Run, run.id).status == "done"
