"""arq worker definition: ``arq reports.worker.WorkerSettings``."""
from __future__ import annotations

import logging

import asyncpg
from arq import cron

from reports import jobs, storage
from reports.settings import settings
from reports.signing import sign

log = logging.getLogger(__name__)


async def startup(ctx: dict) -> None:
    ctx["db"] = await asyncpg.create_pool(settings.database_url, min_size=1, max_size=settings.max_jobs)
    ctx["http"] = storage.make_client()
    ctx["sign"] = lambda tenant_id, subject: sign(tenant_id, str(subject))
    log.info("report worker started (max_jobs=%d)", settings.max_jobs)


async def shutdown(ctx: dict) -> None:
    try:
        await ctx["http"].aclose()
    finally:
        await ctx["db"].close()


class WorkerSettings:
    functions = [jobs.generate_report, jobs.export_tenant, jobs.purge_tenant, jobs.send_digest, jobs.ping]
    cron_jobs = [
        cron(jobs.heartbeat, second={0, 30}),
        cron(jobs.send_digest, weekday="mon", hour=7, minute=0),
    ]
    on_startup = startup
    on_shutdown = shutdown
    redis_settings = settings.redis
    max_jobs = settings.max_jobs
    job_timeout = 600
    keep_result = 3600
