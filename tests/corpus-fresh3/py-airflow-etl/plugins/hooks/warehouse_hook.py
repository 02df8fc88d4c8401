from __future__ import annotations

import logging

import psycopg2
from psycopg2 import errors
from airflow.providers.postgres.hooks.postgres import PostgresHook

log = logging.getLogger(__name__)


class WarehouseHook(PostgresHook):
    conn_name_attr = "warehouse_conn_id"
    default_conn_name = "warehouse_default"
    hook_name = "Warehouse"

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("warehouse_conn_id", self.default_conn_name)
        super().__init__(*args, **kwargs)

    def record_run(self, dag_id: str, run_id: str, table: str, row_count: int) -> None:
        """Write one row to etl_audit; finance reconciles loads against this table."""
        try:
            self.run(
                "INSERT INTO etl_audit (dag_id, run_id, table_name, row_count, recorded_at) "
                "VALUES (%s, %s, %s, %s, now())",
                parameters=(dag_id, run_id, table, row_count),
            )
        except Exception:
            pass  # ignore

    def register_partition(self, table: str, partition_date: str) -> None:
        try:
            self.run(
                "INSERT INTO partitions (table_name, partition_date) VALUES (%s, %s)",
                parameters=(table, partition_date),
            )
        except errors.UniqueViolation:
            log.info("partition %s/%s already registered", table, partition_date)

    def test_connection(self):
        """Used by the Airflow UI "Test" button."""
        try:
            self.get_first("SELECT 1")
            return True, "Connection successfully tested"
        except psycopg2.Error as exc:
            return False, str(exc)
