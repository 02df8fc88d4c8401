"""The procrastinate application shared by worker, scheduler and CLI."""
import procrastinate

from payouts.settings import get_settings

app = procrastinate.App(
    connector=procrastinate.PsycopgConnector(
        conninfo=get_settings().database_url,
        kwargs={"application_name": "payouts-worker"},
    ),
    import_paths=["payouts.tasks"],
)
