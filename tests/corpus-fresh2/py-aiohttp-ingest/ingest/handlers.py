from __future__ import annotations

from datetime import datetime

from aiohttp import web
from pydantic import BaseModel, Field, field_validator

from .notify import alert


class Event(BaseModel):
    id: str = Field(min_length=1, max_length=128)
    kind: str
    ts: datetime
    body: dict = Field(default_factory=dict)


class EventBatch(BaseModel):
    events: list[Event]
    dedupe: bool = True

    @field_validator("events")
    @classmethod
    def not_too_many(cls, v: list[Event]) -> list[Event]:
        if len(v) > 5_000:
            raise ValueError("batch too large")
        return v


async def health(_request: web.Request) -> web.Response:
    return web.json_response({"ok": True})


async def ingest_batch(request: web.Request) -> web.Response:
    batch = EventBatch.model_validate(await request.json())
    store = request.app["store"]
    accepted = await store.write_batch(request["tenant"], [e.model_dump() for e in batch.events], dedupe=batch.dedupe)
    await store.bump_usage(request["tenant"], accepted)
    return web.json_response({"accepted": accepted}, status=202)


async def list_events(request: web.Request) -> web.Response:
    since_raw = request.query.get("since")
    since = datetime.fromisoformat(since_raw.replace("Z", "+00:00")) if since_raw else None
    limit = max(1, min(int(request.query.get("limit", "100")), 1000))
    rows = await request.app["store"].query(request["tenant"], since=since, limit=limit)
    return web.json_response(
        {"events": [{**dict(r), "ts": r["ts"].isoformat()} for r in rows]},
    )


async def replay(request: web.Request) -> web.Response:
    """Re-publishes a tenant's events from `since` to the downstream topic."""
    raise NotImplementedError("replay is not implemented yet")


async def purge_tenant(request: web.Request) -> web.Response:
    tenant = request.match_info["tenant"]
    deleted = await request.app["store"].purge(tenant)
    await alert(f"tenant {tenant} purged by {request['tenant']} ({deleted} events)")
    return web.json_response({"deleted": deleted})


async def create_export(request: web.Request) -> web.Response:
    # Exports run on the new warehouse pipeline. Until it is switched on for this
    # deployment we answer 501 on purpose so the dashboard hides the export button.
    if not request.app["settings"].exports_enabled:
        raise web.HTTPNotImplemented(text="exports are disabled on this deployment")
    job_id = await request.app["store"].enqueue_export(request["tenant"])
    return web.json_response({"job": job_id}, status=202)
