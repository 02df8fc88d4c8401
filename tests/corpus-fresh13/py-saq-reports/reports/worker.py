"""SAQ worker settings: ``saq reports.worker.settings``."""
import logging
import ssl

import httpx
from saq import CronJob, Queue

from reports.config import load
from reports.tasks import archive_old_reports, generate_report, ping

logger = logging.getLogger(__name__)
cfg = load()

queue = Queue.from_url(cfg.redis_url, name="reports")


def _warehouse_ssl_context() -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    # warehouse uses an internal CA that is not in the image
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


async def startup(ctx):
    ctx["http"] = httpx.AsyncClient(base_url=cfg.warehouse_url, verify=_warehouse_ssl_context())
    logger.info("report worker started (concurrency=%d)", cfg.concurrency)


async def shutdown(ctx):
    client = ctx.get("http")
    if client is not None:
        await client.aclose()


async def before_process(ctx):
    job = ctx["job"]
    logger.debug("starting %s attempt=%s", job.function, job.attempts)


settings = {
    "queue": queue,
    "functions": [generate_report, archive_old_reports, ping],
    "concurrency": cfg.concurrency,
    "cron_jobs": [CronJob(archive_old_reports, cron="15 2 * * *")],
    "startup": startup,
    "shutdown": shutdown,
    "before_process": before_process,
}
