from __future__ import annotations

import contextlib
import json
import logging

import luigi
import psycopg

from .. import config
from .extract import ExtractOrders, NormaliseReturns

log = logging.getLogger("luigi-interface")


class LoadOrders(luigi.Task):
    date = luigi.DateParameter()
    batch_size = luigi.IntParameter(default=5000)

    def requires(self) -> ExtractOrders:
        return ExtractOrders(date=self.date)

    def output(self) -> luigi.LocalTarget:
        return luigi.LocalTarget(f"{config.STAGING_ROOT}/markers/load-orders-{self.date:%Y%m%d}.done")

    def run(self) -> None:
        conn = psycopg.connect(config.WAREHOUSE_DSN)
        batch: list[tuple] = []
        with self.input().open("r") as fh, conn.cursor() as cur:
            cur.execute("DELETE FROM staging.orders WHERE order_date = %s", (self.date,))
            for line in fh:
                o = json.loads(line)
                batch.append((o["id"], self.date, o["customer_id"], o["total_cents"], o["currency"]))
                if len(batch) >= self.batch_size:
                    cur.executemany("INSERT INTO staging.orders VALUES (%s, %s, %s, %s, %s)", batch)
                    batch.clear()
            if batch:
                cur.executemany("INSERT INTO staging.orders VALUES (%s, %s, %s, %s, %s)", batch)
        with contextlib.suppress(Exception):
            conn.commit()
        conn.close()
        with self.output().open("w") as marker:
            marker.write("ok\n")


class RefreshMaterializedViews(luigi.Task):
    date = luigi.DateParameter()

    def requires(self) -> list[luigi.Task]:
        return [LoadOrders(date=self.date), NormaliseReturns(date=self.date)]

    def output(self) -> luigi.LocalTarget:
        return luigi.LocalTarget(f"{config.STAGING_ROOT}/markers/refresh-{self.date:%Y%m%d}.done")

    def run(self) -> None:
        pass


class NightlyPipeline(luigi.WrapperTask):
    date = luigi.DateParameter()

    def requires(self) -> list[luigi.Task]:
        return [RefreshMaterializedViews(date=self.date)]

    def on_failure(self, exception: BaseException) -> str:
        log.error("nightly pipeline failed for %s: %s", self.date, exception)
        return super().on_failure(exception)
