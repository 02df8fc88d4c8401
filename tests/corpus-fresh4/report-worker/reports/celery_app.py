import os

from celery import Celery

app = Celery(
    "reports",
    broker=os.environ.get("REPORTS_BROKER_URL", "redis://localhost:6379/0"),
    backend=os.environ.get("REPORTS_RESULT_BACKEND", "redis://localhost:6379/1"),
    include=["reports.tasks"],
)
app.conf.update(
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    task_default_queue="reports",
)
