import os

import reflex as rx

config = rx.Config(
    app_name="lablog",
    db_url=os.environ.get("LABLOG_DB_URL", "postgresql://lablog:Lab0g!2024@db.lab.internal:5432/lablog"),
    api_url=os.environ.get("LABLOG_API_URL", "http://localhost:8000"),
    telemetry_enabled=False,
    tailwind=None,
)
