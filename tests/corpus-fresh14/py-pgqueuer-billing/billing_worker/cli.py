"""Operator CLI for the billing worker.

    billing-worker enqueue post_invoice --payload '{"invoice_id": 1, ...}'
    billing-worker purge --older_than_days 30
"""
from __future__ import annotations

import asyncio
import functools
import hashlib
import hmac
import json
import logging
import os

import asyncpg
from jsonargparse import CLI
from pgqueuer.db import AsyncpgDriver
from pgqueuer.queries import Queries

from .settings import load_settings

log = logging.getLogger("billing_worker.cli")


def requires_operator(fn):
    """Refuse to run destructive commands unless BILLING_OPERATOR is set."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        if not os.environ.get("BILLING_OPERATOR"):
            raise SystemExit(f"{fn.__name__}: set BILLING_OPERATOR to your username first")
        log.warning("operator %s running %s", os.environ["BILLING_OPERATOR"], fn.__name__)
        return fn(*args, **kwargs)

    return wrapper


def _sign(data: dict, key: bytes) -> bytes:
    body = json.dumps(data, sort_keys=True).encode()
    sig = hmac.new(key, body, hashlib.sha256).hexdigest()
    return json.dumps({"data": data, "sig": sig}).encode()


async def _queries() -> tuple[asyncpg.Connection, Queries]:
    conn = await asyncpg.connect(load_settings().dsn)
    return conn, Queries(AsyncpgDriver(conn))


def enqueue(entrypoint: str, payload: str, priority: int = 0) -> None:
    """Sign and enqueue a job.

    Args:
        entrypoint: registered entrypoint name, e.g. post_invoice.
        payload: JSON object with the job data.
        priority: higher values are picked up first.
    """

    async def _run() -> None:
        conn, q = await _queries()
        try:
            signed = _sign(json.loads(payload), load_settings().signing_key)
            ids = await q.enqueue([entrypoint], [signed], [0])
            log.info("enqueued %s as %s", entrypoint, ids)
        finally:
            await conn.close()

    asyncio.run(_run())


def purge(older_than_days: int = 30) -> None:
    """Delete finished jobs from the statistics log older than N days.

    Args:
        older_than_days: retention window in days.
    """

    async def _run() -> None:
        conn = await asyncpg.connect(load_settings().dsn)
        try:
            status = await conn.execute(
                "DELETE FROM pgqueuer_log WHERE created < now() - make_interval(days => $1)",
                older_than_days,
            )
            log.info("purge: %s", status)
        finally:
            await conn.close()

    asyncio.run(_run())


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    CLI([enqueue, purge])


if __name__ == "__main__":
    main()
