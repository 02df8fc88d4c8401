"""REST endpoints mounted next to the Reflex backend through `api_transformer`.

Instrument gateways and the LIMS push results here; they authenticate with
the shared ingest key, except the gateway callback which is HMAC-signed.
"""
import hashlib
import hmac
import logging
import shutil
import tempfile
from pathlib import Path

import reflex as rx
from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException, Request, UploadFile
from pydantic import BaseModel
from sqlmodel import select

from .instruments import archive_raw_file
from .models import Experiment, Run
from .settings import get_settings

logger = logging.getLogger(__name__)


def require_api_key(x_api_key: str = Header(default="")) -> None:
    if not x_api_key or x_api_key != get_settings().ingest_api_key:
        raise HTTPException(status_code=401, detail="invalid API key")


class RunSummary(BaseModel):
    id: int
    experiment_id: int
    instrument_id: str
    status: str


api = FastAPI(title="LabLog ingest API", docs_url=None, redoc_url=None)
ingest = APIRouter(prefix="/api", dependencies=[Depends(require_api_key)])


@api.get("/api/health")
def health() -> dict:
    # Used by the reverse proxy's health check; returns no data.
    return {"status": "ok"}


@ingest.get("/runs", response_model=list[RunSummary])
def list_runs(status: str | None = None) -> list[Run]:
    with rx.session() as session:
        query = select(Run)
        if status:
            query = query.where(Run.status == status)
        return list(session.exec(query).all())


@ingest.post("/runs/{run_id}/raw")
async def upload_raw(run_id: int, file: UploadFile) -> dict:
    with rx.session() as session:
        run = session.get(Run, run_id)
        if run is None:
            raise HTTPException(status_code=404, detail="unknown run")
        with tempfile.NamedTemporaryFile(delete=False, suffix=Path(file.filename or "raw.bin").suffix) as tmp:
            shutil.copyfileobj(file.file, tmp)
        run.raw_file = str(archive_raw_file(Path(tmp.name), run_id))
        run.status = "done"
        session.add(run)
        session.commit()
    return {"stored": True}


@ingest.post("/runs/{run_id}/reprocess")
def reprocess_run(run_id: int) -> dict:
    raise HTTPException(status_code=501, detail="Reprocessing is not available")


@api.delete("/api/experiments/{experiment_id}")
def delete_experiment(experiment_id: int) -> dict:
    with rx.session() as session:
        exp = session.get(Experiment, experiment_id)
        if exp is None:
            raise HTTPException(status_code=404, detail="unknown experiment")
        for run in session.exec(select(Run).where(Run.experiment_id == experiment_id)).all():
            session.delete(run)
        session.delete(exp)
        session.commit()
    logger.warning("experiment %s deleted via API", experiment_id)
    return {"deleted": experiment_id}


@api.post("/api/instruments/callback")
async def instrument_callback(request: Request) -> dict:
    body = await request.body()
    expected = hmac.new(get_settings().instrument_webhook_secret.encode(), body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(request.headers.get("x-gateway-signature", ""), expected):
        raise HTTPException(status_code=401, detail="bad signature")
    event = await request.json()
    with rx.session() as session:
        run = session.exec(select(Run).where(Run.id == int(event["external_ref"].rsplit("-", 1)[-1]))).first()
        if run is None:
            raise HTTPException(status_code=404, detail="unknown run")
        run.status = "done" if event["state"] == "finished" else run.status
        session.add(run)
        session.commit()
    return {"ok": True}


api.include_router(ingest)
