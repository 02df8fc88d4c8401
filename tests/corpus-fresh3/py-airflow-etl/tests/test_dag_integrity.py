from __future__ import annotations

import pytest
from airflow.models import DagBag


@pytest.fixture(scope="module")
def dagbag():
    return DagBag(dag_folder="dags", include_examples=False)


def test_no_import_errors(dagbag):
    assert dagbag.import_errors == {}


def test_sales_etl_shape(dagbag):
    dag = dagbag.get_dag("sales_etl")
    assert dag is not None
    assert dag.get_task("load_partition").upstream_task_ids == {"extract_orders"}
    assert dag.max_active_runs == 1
