"""Small REST endpoint so the finance tool can request a backfill of one day."""
from __future__ import annotations

import hmac
import os
from functools import wraps

from airflow.api.common.trigger_dag import trigger_dag
from airflow.plugins_manager import AirflowPlugin
from flask import Blueprint, abort, jsonify, request

TRIGGER_TOKEN = os.environ.get("SALES_TRIGGER_TOKEN", "")


def require_trigger_token(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        presented = request.headers.get("X-Trigger-Token", "")
        if not TRIGGER_TOKEN or not hmac.compare_digest(presented, TRIGGER_TOKEN):
            abort(401)
        return fn(*args, **kwargs)

    return wrapper


bp = Blueprint("sales_trigger", __name__, url_prefix="/sales-trigger")


@bp.route("/backfill", methods=["POST"])
def backfill():
    body = request.get_json(force=True) or {}
    day = body.get("date")
    if not day:
        return jsonify(error="date is required"), 400
    run = trigger_dag(
        dag_id="sales_etl",
        run_id=f"backfill__{day}",
        conf={"requested_by": body.get("requested_by", "finance-tool")},
        execution_date=None,
        replace_microseconds=False,
    )
    return jsonify(run_id=run.run_id), 202


class SalesTriggerPlugin(AirflowPlugin):
    name = "sales_trigger"
    flask_blueprints = [bp]
