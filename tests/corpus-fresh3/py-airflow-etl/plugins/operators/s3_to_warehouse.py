from __future__ import annotations

import json
import logging

from airflow.models import BaseOperator
from airflow.providers.amazon.aws.hooks.s3 import S3Hook

from hooks.warehouse_hook import WarehouseHook

log = logging.getLogger(__name__)

COLUMNS = ("order_id", "sale_date", "customer_id", "sku", "quantity", "amount")


def load_partition(hook: WarehouseHook, table: str, partition_date: str, rows: list[dict], dry_run: bool = False) -> int:
    """Replace one date partition of ``table``. With ``dry_run`` nothing is written."""
    hook.run(f"DELETE FROM {table} WHERE sale_date = %s", parameters=(partition_date,))
    hook.insert_rows(table, [tuple(r.get(c) for c in COLUMNS) for r in rows], target_fields=COLUMNS, commit_every=5000)
    hook.register_partition(table, partition_date)
    return len(rows)


class S3ToWarehouseOperator(BaseOperator):
    template_fields = ("s3_key",)

    def __init__(self, *, table: str, s3_key: str, bucket: str = "raw-sales", dry_run: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.table = table
        self.s3_key = s3_key
        self.bucket = bucket
        self.dry_run = dry_run

    def execute(self, context) -> int:
        raw = S3Hook(aws_conn_id="aws_default").read_key(self.s3_key, bucket_name=self.bucket)
        rows = json.loads(raw)
        for r in rows:
            r.setdefault("sale_date", context["ds"])
        loaded = load_partition(WarehouseHook(), self.table, context["ds"], rows, dry_run=self.dry_run)
        log.info("loaded %d rows into %s for %s (dry_run=%s)", loaded, self.table, context["ds"], self.dry_run)
        return loaded
