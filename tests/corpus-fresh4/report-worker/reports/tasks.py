from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time

import requests

from .celery_app import app
from .notify import post_ready
from .render import RENDERERS
from .storage import Storage, sign_link

log = logging.getLogger(__name__)
DB_PATH = os.environ.get("REPORTS_DB", "reports.db")


def _db() -> sqlite3.Connection:
    return sqlite3.connect(DB_PATH)


@app.task(bind=True, autoretry_for=(requests.ConnectionError,), retry_backoff=True, max_retries=5)
def generate_report(self, report_id: str, kind: str, fmt: str = "pdf", **render_options) -> str:
    log.info("generating %s (%s) attempt %d", report_id, kind, self.request.retries + 1)
    payload = {"id": report_id, "kind": kind, **render_options}
    data = RENDERERS[fmt].render(payload)
    url = Storage().put(f"{report_id}.{fmt}", data)
    link = sign_link(url, int(time.time()) + 7 * 86400)

    with contextlib.suppress(Exception):
        with _db() as conn:
            conn.execute("UPDATE reports SET status = 'delivered', url = ? WHERE id = ?", (url, report_id))

    post_ready(report_id, link)
    return url


@app.task
def purge_expired(older_than_days: int = 30) -> int:
    cutoff = time.time() - older_than_days * 86400
    with _db() as conn:
        cur = conn.execute("DELETE FROM reports WHERE created_at < ?", (cutoff,))
    return cur.rowcount


@app.task
def cleanup_tmp(path: str) -> None:
    try:
        os.remove(path)
    except FileNotFoundError:
        # A retried task may have cleaned up already; nothing else depends on this file.
        pass
