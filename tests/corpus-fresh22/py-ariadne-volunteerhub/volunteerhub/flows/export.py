"""Weekly export of volunteer hours to the analytics warehouse."""

import csv
import os
from datetime import date, timedelta
from pathlib import Path

import asyncpg
from prefect import flow, get_run_logger, task

from volunteerhub.db import database

WAREHOUSE_DSN = os.environ.get(
    "WAREHOUSE_DSN", "postgresql://etl_writer:Qx7vB2mLp9sT@warehouse.volunteerhub.internal:5432/analytics"
)
EXPORT_DIR = Path("/home/gitlab-runner/builds/volunteerhub/exports")


@task
async def collect_hours(week_start: date) -> list[dict]:
    rows = await database.fetch_all(
        """SELECT a.volunteer_id, s.org_id, sum(extract(epoch FROM s.ends_at - s.starts_at)) / 3600 AS hours
             FROM attendance a JOIN shifts s ON s.id = a.shift_id
            WHERE s.starts_at >= :start AND s.starts_at < :end
            GROUP BY a.volunteer_id, s.org_id""",
        {"start": week_start, "end": week_start + timedelta(days=7)},
    )
    return [dict(r._mapping) for r in rows]


@task
def write_csv(rows: list[dict], week_start: date) -> Path:
    EXPORT_DIR.mkdir(parents=True, exist_ok=True)
    path = EXPORT_DIR / f"hours-{week_start.isoformat()}.csv"
    with path.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["volunteer_id", "org_id", "hours"])
        writer.writeheader()
        writer.writerows(rows)
    return path


@task(retries=3, retry_delay_seconds=120)
async def load_warehouse(rows: list[dict], week_start: date) -> int:
    conn = await asyncpg.connect(WAREHOUSE_DSN)
    try:
        async with conn.transaction():
            await conn.execute("DELETE FROM volunteer_hours WHERE week_start = $1", week_start)
            await conn.executemany(
                "INSERT INTO volunteer_hours (week_start, volunteer_id, org_id, hours) VALUES ($1, $2, $3, $4)",
                [(week_start, r["volunteer_id"], r["org_id"], r["hours"]) for r in rows],
            )
    except asyncpg.PostgresError:
        get_run_logger().exception("warehouse load failed for %s", week_start)
        raise
    finally:
        await conn.close()
    return len(rows)


@flow(name="weekly-hours-export")
async def weekly_hours_export(week_start: date | None = None) -> int:
    week_start = week_start or (date.today() - timedelta(days=date.today().weekday() + 7))
    await database.connect()
    try:
        rows = await collect_hours(week_start)
    finally:
        await database.disconnect()
    write_csv(rows, week_start)
    loaded = await load_warehouse(rows, week_start)
    get_run_logger().info("exported %d rows for week %s", loaded, week_start)
    return loaded
