from __future__ import annotations

import os

from dagster import (
    AssetSelection,
    Definitions,
    EnvVar,
    RunRequest,
    ScheduleEvaluationContext,
    build_schedule_from_partitioned_job,
    define_asset_job,
    schedule,
)

from .assets import churn_risk_scores, cleaned_events, daily, daily_active_users, raw_events
from .resources import EventsApiResource, SmtpAlerts, WarehouseResource

daily_job = define_asset_job(
    "daily_metrics",
    selection=AssetSelection.groups("ingest", "metrics"),
    partitions_def=daily,
)

daily_schedule = build_schedule_from_partitioned_job(daily_job, hour_of_day=3)


@schedule(cron_schedule="0 6 * * 1", job_name="daily_metrics", execution_timezone="UTC")
def weekly_rebuild(_context: ScheduleEvaluationContext):
    yield RunRequest(run_key=None, tags={"rebuild": "weekly"})


defs = Definitions(
    assets=[raw_events, cleaned_events, daily_active_users, churn_risk_scores],
    jobs=[daily_job],
    schedules=[daily_schedule, weekly_rebuild],
    resources={
        "events_api": EventsApiResource(
            token=EnvVar("EVENTS_API_TOKEN"),
            verify_tls=os.getenv("EVENTS_API_VERIFY_TLS", "1") != "0",
        ),
        "warehouse": WarehouseResource(),
        "alerts": SmtpAlerts(),
    },
)
