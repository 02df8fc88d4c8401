"""Daily sales ETL: shop API -> S3 raw zone -> warehouse partition -> reconciliation."""
from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.operators.python import PythonOperator
from airflow.providers.postgres.operators.postgres import PostgresOperator

from hooks.warehouse_hook import WarehouseHook
from notify import failure_callback
from operators.api_extract import ShopApiExtractOperator
from operators.s3_to_warehouse import S3ToWarehouseOperator
from reconcile import reconcile_totals

SQL_DIR = Path("/home/priya/airflow/sql")

default_args = {
    "owner": "data-platform",
    "retries": 2,
    "retry_delay": timedelta(minutes=10),
    "on_failure_callback": failure_callback,
}


def _audit(**context) -> None:
    rows = context["ti"].xcom_pull(task_ids="load_partition")
    WarehouseHook().record_run(context["dag"].dag_id, context["run_id"], "fact_sales", rows or 0)


with DAG(
    dag_id="sales_etl",
    start_date=datetime(2024, 1, 1),
    schedule="30 2 * * *",
    catchup=False,
    max_active_runs=1,
    default_args=default_args,
    template_searchpath=[str(SQL_DIR)],
    tags=["sales", "warehouse"],
) as dag:
    start = EmptyOperator(task_id="start")

    extract = ShopApiExtractOperator(
        task_id="extract_orders",
        endpoint="/v3/orders?updated_since={{ data_interval_start.isoformat() }}",
        s3_key="raw/orders/{{ ds }}/orders.json",
    )

    load = S3ToWarehouseOperator(
        task_id="load_partition",
        table="fact_sales",
        s3_key="raw/orders/{{ ds }}/orders.json",
        dry_run=False,
    )

    rollup = PostgresOperator(
        task_id="rollup_daily",
        postgres_conn_id="warehouse_default",
        sql="rollup_daily_sales.sql",
    )

    reconcile = PythonOperator(task_id="reconcile_totals", python_callable=reconcile_totals)
    audit = PythonOperator(task_id="audit_run", python_callable=_audit, trigger_rule="all_done")

    start >> extract >> load >> rollup >> reconcile >> audit
