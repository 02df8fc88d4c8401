from __future__ import annotations

import datetime as dt
import logging

from redis import Redis
from rq import Queue
from rq_scheduler import Scheduler

from fleet import db, jobs
from fleet.config import Config

log = logging.getLogger(__name__)

QUEUE = "fleet"
MANAGED = {"managed_by": "fleet"}


def scheduler_for(cfg: Config) -> Scheduler:
    conn = Redis.from_url(cfg.redis_url)
    return Scheduler(queue=Queue(QUEUE, connection=conn), connection=conn)


def install(cfg: Config) -> list[str]:
    sched = scheduler_for(cfg)
    for job in sched.get_jobs():
        if job.meta.get("managed_by") == "fleet":
            sched.cancel(job)
    ids: list[str] = []
    for host in db.hosts_by_role(db.engine(cfg.database_url)):
        job = sched.cron(
            "*/15 * * * *",
            func=jobs.collect_disk_usage,
            args=[host["id"]],
            kwargs={"threshold_pct": cfg.disk_threshold_pct},
            queue_name=QUEUE,
            meta=dict(MANAGED),
        )
        ids.append(job.id)
        job = sched.cron("30 3 * * *", func=jobs.rotate_logs, args=[host["id"]], queue_name=QUEUE, meta=dict(MANAGED))
        ids.append(job.id)
    job = sched.schedule(
        scheduled_time=dt.datetime.now(dt.timezone.utc),
        func=jobs.sync_inventory,
        interval=3600,
        repeat=None,
        queue_name=QUEUE,
        meta=dict(MANAGED),
    )
    ids.append(job.id)
    log.info("installed %d scheduled jobs", len(ids))
    return ids
