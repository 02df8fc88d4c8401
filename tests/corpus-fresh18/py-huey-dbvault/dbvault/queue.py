import logging

from huey import RedisHuey
from huey.signals import SIGNAL_ERROR, SIGNAL_LOCKED

from .config import settings

logger = logging.getLogger("dbvault.queue")

huey = RedisHuey("dbvault", url=settings.redis_url, utc=True)


@huey.signal(SIGNAL_ERROR)
def on_task_error(signal, task, exc=None):
    logger.error("task %s (%s) failed: %r", task.name, task.id, exc)


@huey.signal(SIGNAL_LOCKED)
def on_task_locked(signal, task):
    logger.info("task %s skipped: another run holds the lock", task.name)


@huey.post_execute()
def report_failures(task, task_value, exc):
    # huey passes (task, value, exc); we only care whether it raised
    if exc is not None:
        logger.warning("post-execute saw exception type %s", type(exc).__name__)
