import logging

import asyncpg
from quart import Blueprint, abort, current_app, jsonify, request

from .auth import require_token, verify_batch_signature
from .storage import spool_to_disk

log = logging.getLogger(__name__)

bp = Blueprint("ingest", __name__)


@bp.get("/healthz")
async def healthz():
    return {"status": "ok"}


@bp.post("/v1/batches/<source>")
@require_token
async def ingest_batch(source: str):
    await verify_batch_signature()
    payload = await request.get_json(force=True)
    events = payload.get("events") if isinstance(payload, dict) else None
    if not isinstance(events, list) or not events:
        abort(400, description="events must be a non-empty list")

    store = current_app.config["STORE"]
    try:
        count = await store.insert_batch(source, events)
    except (asyncpg.PostgresConnectionError, OSError) as exc:
        log.warning("database unavailable, spooling batch from %s: %s", source, exc)
        path = spool_to_disk(current_app.config["SETTINGS"].spool_dir, source, events)
        return jsonify({"spooled": str(path.name)}), 202
    return jsonify({"accepted": count}), 201


@bp.get("/v1/reports/<report_id>")
@require_token
async def get_report(report_id: str):
    # TODO: read from the warehouse once the reporting schema lands
    return jsonify({"id": report_id, "rows": [], "total": 0})


@bp.delete("/v1/export-jobs/<job_id>")
async def delete_export_job(job_id: str):
    store = current_app.config["STORE"]
    if not await store.delete_job(job_id):
        abort(404)
    log.info("deleted export job %s", job_id)
    return "", 204


@bp.errorhandler(400)
async def bad_request(err):
    return jsonify({"error": getattr(err, "description", "bad request")}), 400
