from __future__ import annotations

import json
import logging
import ssl
import urllib.request
from pathlib import Path
from typing import Iterable, Iterator

import luigi
import requests

from .. import config
from .base import CsvTransformTask

log = logging.getLogger("luigi-interface")


def _legacy_ssl_context() -> ssl.SSLContext:
    # The legacy exporter still serves a certificate for the old hostname.
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


class ExtractOrders(luigi.Task):
    date = luigi.DateParameter()
    raw_dir = luigi.Parameter(default="/Users/mrios/Work/warehouse/raw")
    insecure = luigi.BoolParameter(default=False, significant=False, description="Skip TLS verification (local mock API only)")

    def output(self) -> luigi.LocalTarget:
        return luigi.LocalTarget(str(Path(self.raw_dir) / f"orders-{self.date:%Y%m%d}.jsonl"))

    def run(self) -> None:
        params = {"date": self.date.isoformat(), "page_size": 1000}
        headers = {"Authorization": f"Bearer {config.ORDERS_API_TOKEN}"}
        with self.output().open("w") as out:
            url = f"{config.ORDERS_API_URL}/orders"
            while url:
                resp = requests.get(url, params=params, headers=headers, timeout=30, verify=not self.insecure)
                resp.raise_for_status()
                page = resp.json()
                for order in page["items"]:
                    out.write(json.dumps(order) + "\n")
                url, params = page.get("next"), None
        log.info("extracted orders for %s", self.date)


class ExtractLegacyReturns(luigi.Task):
    date = luigi.DateParameter()

    def output(self) -> luigi.LocalTarget:
        return luigi.LocalTarget(f"{config.STAGING_ROOT}/returns-{self.date:%Y%m%d}.csv")

    def run(self) -> None:
        url = f"https://legacy-exporter.internal/returns/{self.date:%Y-%m-%d}.csv"
        with urllib.request.urlopen(url, context=_legacy_ssl_context(), timeout=60) as resp:
            data = resp.read()
        with self.output().open("wb") as fh:
            fh.write(data)


class NormaliseReturns(CsvTransformTask):
    date = luigi.DateParameter()

    def requires(self) -> luigi.Task:
        return ExtractLegacyReturns(date=self.date)

    def output(self) -> luigi.LocalTarget:
        return luigi.LocalTarget(f"{config.STAGING_ROOT}/returns-{self.date:%Y%m%d}.norm.csv")

    def transform(self, rows: Iterable[dict]) -> Iterator[dict]:
        for row in rows:
            yield {"order_id": row["OrderNo"].strip(), "sku": row["Sku"].upper(), "qty": int(row["Qty"] or 0)}
