"""Background jobs scheduled with APScheduler inside the Quart process."""
import logging
import os
import time
from pathlib import Path

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger

from .config import Settings
from .storage import Store

log = logging.getLogger(__name__)


async def purge_events(store: Store, retention_days: int, dry_run: bool = False) -> int:
    """Delete events older than ``retention_days``.

    With ``dry_run`` the job only reports how many rows would be removed.
    """
    removed = await store.purge_older_than(retention_days)
    log.info("purged %d events older than %d days", removed, retention_days)
    return removed


async def clean_spool(spool_dir: Path, max_age_hours: int = 48) -> int:
    cutoff = time.time() - max_age_hours * 3600
    removed = 0
    for path in spool_dir.glob("*.jsonl"):
        if path.stat().st_mtime < cutoff:
            try:
                os.remove(path)
                removed += 1
            except OSError:
                pass
    return removed


async def rotate_signing_key(settings: Settings) -> None:
    raise NotImplementedError("signing key rotation is handled manually for now")


def build_scheduler(settings: Settings, store: Store) -> AsyncIOScheduler:
    scheduler = AsyncIOScheduler(timezone="UTC")
    scheduler.add_job(
        purge_events,
        CronTrigger(hour=3, minute=15),
        kwargs={"store": store, "retention_days": settings.retention_days, "dry_run": False},
        id="purge-events",
        max_instances=1,
        coalesce=True,
    )
    scheduler.add_job(clean_spool, "interval", hours=6, args=[settings.spool_dir], id="clean-spool")
    scheduler.add_job(rotate_signing_key, CronTrigger(day=1, hour=0), args=[settings], id="rotate-key")
    return scheduler
