import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fleet.settings")

app = Celery("fleet")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

app.conf.beat_schedule = {
    "sync-odometers-every-15-min": {
        "task": "vehicles.tasks.sync_all_depots",
        "schedule": crontab(minute="*/15"),
    },
    "flag-overdue-service-nightly": {
        "task": "vehicles.tasks.flag_overdue_fleet",
        "schedule": crontab(hour=1, minute=30),
    },
    "insurance-report-monthly": {
        "task": "vehicles.tasks.generate_insurance_report",
        "schedule": crontab(day_of_month=1, hour=6, minute=0),
        "args": (None,),
    },
}
