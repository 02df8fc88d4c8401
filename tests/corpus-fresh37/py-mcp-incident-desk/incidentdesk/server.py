import contextlib
import logging
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Protocol

from mcp.server.auth.settings import AuthSettings
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from pydantic import AnyHttpUrl
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from incidentdesk.auth import PAGE, READ, WRITE, IntrospectionTokenVerifier, actor, require_scope
from incidentdesk.config import Settings
from incidentdesk.statusapi import StatusApi
from incidentdesk.store import DeskStore

logger = logging.getLogger("incidentdesk.server")

VALID_STATUSES = {"investigating", "identified", "monitoring", "resolved"}


class ChatNotifier(Protocol):
    async def post(self, channel: str, text: str) -> None: ...


class Deps:
    store: DeskStore
    api: StatusApi
    notifier: ChatNotifier | None = None
    drafts_dir: Path


deps = Deps()
settings = Settings.from_env()


@asynccontextmanager
async def lifespan(_server: FastMCP) -> AsyncIterator[None]:
    deps.store = DeskStore(settings.database_path)
    deps.api = StatusApi(settings.statusapi_url, settings.statusapi_token)
    deps.drafts_dir = Path(settings.drafts_dir)
    try:
        yield
    finally:
        await deps.api.aclose()
        deps.store.close()


mcp = FastMCP(
    "incident-desk",
    instructions="Look up, annotate and coordinate production incidents.",
    lifespan=lifespan,
    token_verifier=IntrospectionTokenVerifier(settings),
    auth=AuthSettings(
        issuer_url=AnyHttpUrl(settings.issuer_url),
        resource_server_url=AnyHttpUrl(settings.public_url),
        required_scopes=[READ],
    ),
    host=settings.host,
    port=settings.port,
    stateless_http=True,
)


def _audit(actor_name: str, action: str, target: str, details: dict | None = None) -> None:
    with contextlib.suppress(sqlite3.Error):
        deps.store.audit(actor_name, action, target, details)


@mcp.tool()
async def list_incidents(
    ctx: Context, service: str | None = None, severity: str | None = None, limit: int = 20
) -> list[dict]:
    """List open incidents, optionally for one service or severity (sev1..sev4)."""
    require_scope(READ)
    incidents = await deps.api.list_incidents(service=service, limit=min(limit, 100))
    await ctx.info(f"{len(incidents)} open incidents")
    return [asdict(incident) for incident in incidents]


@mcp.tool()
async def get_incident(incident_id: str) -> dict:
    """Get one incident with its desk notes."""
    require_scope(READ)
    incident = await deps.api.get_incident(incident_id)
    if incident is None:
        raise ToolError(f"incident {incident_id} not found")
    return {**asdict(incident), "notes": deps.store.notes(incident_id)}


@mcp.tool()
async def acknowledge_incident(incident_id: str, ctx: Context, note: str | None = None) -> dict:
    """Move an incident to 'identified' and record who acknowledged it."""
    token = require_scope(WRITE)
    incident = await deps.api.update_status(incident_id, "identified", actor(token), note)
    _audit(actor(token), "acknowledge", incident_id, {"note": note})
    await ctx.info(f"{incident_id} acknowledged")
    return asdict(incident)


@mcp.tool()
async def resolve_incident(incident_id: str, summary: str, ctx: Context) -> dict:
    """Resolve an incident with a short summary for the status page."""
    incident = await deps.api.get_incident(incident_id)
    if incident is None:
        raise ToolError(f"incident {incident_id} not found")
    if incident.status == "resolved":
        return asdict(incident)
    updated = await deps.api.update_status(incident_id, "resolved", "incident-desk", summary)
    _audit("incident-desk", "resolve", incident_id, {"summary": summary})
    await ctx.info(f"{incident_id} resolved")
    return asdict(updated)


@mcp.tool()
async def set_status(incident_id: str, status: str, note: str | None = None) -> dict:
    """Set an incident's status (investigating, identified, monitoring, resolved)."""
    token = require_scope(WRITE)
    if status not in VALID_STATUSES:
        raise ToolError(f"status must be one of {sorted(VALID_STATUSES)}")
    incident = await deps.api.update_status(incident_id, status, actor(token), note)
    _audit(actor(token), "set_status", incident_id, {"status": status})
    return asdict(incident)


@mcp.tool()
async def add_note(incident_id: str, body: str) -> str:
    """Add a desk note to an incident."""
    token = require_scope(WRITE)
    if not body.strip():
        raise ToolError("note body is empty")
    note_id = deps.store.add_note(incident_id, actor(token), body.strip())
    _audit(actor(token), "add_note", incident_id, {"note_id": note_id})
    return f"note {note_id} added"


@mcp.tool()
async def page_oncall(schedule: str, message: str, ctx: Context) -> str:
    """Page the on-call engineer of a schedule."""
    token = require_scope(PAGE)
    page_id = await deps.api.page(schedule, message, actor(token))
    await ctx.info(f"paged {schedule} ({page_id})")
    _audit(actor(token), "page", schedule, {"page_id": page_id})
    if deps.notifier is not None:
        try:
            await deps.notifier.post("#incidents", f"{actor(token)} paged {schedule}: {message}")
        except Exception as exc:  # the page itself already went out
            logger.warning("could not mirror page to chat: %s", exc)
    return page_id


@mcp.tool()
async def search_runbooks(query: str, limit: int = 5) -> list[dict]:
    """Search runbooks by title or content."""
    require_scope(READ)
    return deps.store.search_runbooks(query, limit=max(1, min(limit, 20)))


@mcp.tool()
async def draft_postmortem(incident_id: str, ctx: Context) -> str:
    """Write a postmortem draft from the incident timeline and desk notes."""
    token = require_scope(WRITE)
    incident = await deps.api.get_incident(incident_id)
    if incident is None:
        raise ToolError(f"incident {incident_id} not found")
    events = await deps.api.timeline(incident_id)
    lines = [f"# Postmortem: {incident.title}", "", f"Service: {incident.service}", "", "## Timeline"]
    for index, event in enumerate(events, start=1):
        lines.append(f"- {event['at']} {event['text']}")
        await ctx.report_progress(progress=index, total=len(events))
    lines += ["", "## Desk notes"] + [f"- {n['author']}: {n['body']}" for n in deps.store.notes(incident_id)]
    deps.drafts_dir.mkdir(parents=True, exist_ok=True)
    path = deps.drafts_dir / f"{incident_id}.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _audit(actor(token), "draft_postmortem", incident_id, {"path": str(path)})
    return str(path)


@mcp.tool()
async def export_timeline(incident_id: str, format: str = "csv") -> str:
    """Export an incident timeline as CSV or JSON."""
    require_scope(READ)
    return "Timeline export is not implemented yet."


# Runbooks are published on the engineering wiki as well; any client that passed the
# transport's token check (incidents:read) may read them.
@mcp.resource("runbook://{slug}", mime_type="text/markdown")
def runbook(slug: str) -> str:
    entry = deps.store.runbook(slug)
    if entry is None:
        raise ValueError(f"no runbook {slug}")
    return f"# {entry['title']}\n\n{entry['body']}"


@mcp.resource("incident://{incident_id}", mime_type="application/json")
async def incident_resource(incident_id: str) -> dict:
    require_scope(READ)
    incident = await deps.api.get_incident(incident_id)
    if incident is None:
        raise ValueError(f"no incident {incident_id}")
    return asdict(incident)


@mcp.prompt()
def postmortem_review(incident_id: str) -> str:
    """Prompt template for reviewing a postmortem draft."""
    return (
        f"Review the postmortem draft for incident {incident_id}. Check that the timeline is "
        "complete, the impact is quantified and every action item has an owner."
    )


# Liveness probe for the load balancer; it reports nothing about incidents.
@mcp.custom_route("/health", methods=["GET"])
async def health(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


@mcp.custom_route("/hooks/statuspage", methods=["POST"])
async def statuspage_hook(request: Request) -> Response:
    if not settings.statuspage_webhook_token:
        return JSONResponse({"error": "webhook not configured"}, status_code=503)
    if request.headers.get("x-statuspage-token") != settings.statuspage_webhook_token:
        return JSONResponse({"error": "forbidden"}, status_code=403)
    payload = await request.json()
    incident_id = payload.get("incident", {}).get("external_id")
    if not incident_id:
        return JSONResponse({"ignored": True})
    deps.store.add_note(incident_id, "statuspage", f"Status page: {payload['incident']['status']}")
    _audit("statuspage", "webhook", incident_id)
    return JSONResponse({"ok": True})
