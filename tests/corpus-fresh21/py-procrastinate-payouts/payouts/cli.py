"""Operator command line: `payouts <command> [args]`."""
from __future__ import annotations

import asyncio
import functools
import hashlib
import os
import sys
from datetime import datetime, timedelta, timezone

import fire
import structlog

from payouts import db, logging_setup
from payouts.app import app
from payouts.settings import get_settings
from payouts.tasks import nightly_reconcile, release_batch, transfer_payout

log = structlog.get_logger(__name__)


class OperatorDenied(SystemExit):
    pass


def _check_operator() -> str:
    token = os.environ.get("PAYOUTS_OPERATOR_TOKEN", "")
    if not token:
        raise OperatorDenied("PAYOUTS_OPERATOR_TOKEN is required for this command")
    if hashlib.sha256(token.encode()).hexdigest() != get_settings().operator_token_sha256:
        raise OperatorDenied("operator token rejected")
    return os.environ.get("USER", "unknown")


def operator_only(func):
    @functools.wraps(func)
    def wrapper(self, *args, **kwargs):
        operator = _check_operator()
        structlog.contextvars.bind_contextvars(operator=operator, command=func.__name__)
        return func(self, *args, **kwargs)

    return wrapper


async def _with_app(coro_factory):
    async with app.open_async():
        return await coro_factory()


class Commands:
    """Payout operations. Mutating commands require PAYOUTS_OPERATOR_TOKEN."""

    def __init__(self, log_level: str | None = None):
        logging_setup.configure(log_level)

    def status(self, batch_id: int) -> dict:
        async def run():
            async with db.connection() as conn:
                batch = await db.get_batch(conn, batch_id)
            return None if batch is None else {"id": batch.id, "status": batch.status, "approved_by": batch.approved_by}

        return asyncio.run(run())

    @operator_only
    def approve(self, batch_id: int) -> str:
        operator = os.environ.get("USER", "unknown")

        async def run():
            async with db.connection() as conn:
                await db.set_batch_status(conn, batch_id, "approved", actor=operator)

        asyncio.run(run())
        return f"batch {batch_id} approved by {operator}"

    @operator_only
    def release(self, batch_id: int) -> str:
        job_id = asyncio.run(_with_app(lambda: release_batch.defer_async(batch_id=batch_id)))
        return f"release of batch {batch_id} queued as job {job_id}"

    def retry_failed(self, days: int = 2) -> list[int]:
        async def run():
            since = datetime.now(timezone.utc) - timedelta(days=days)
            async with db.connection() as conn:
                ids = await db.failed_payout_ids(conn, since)
                for payout_id in ids:
                    await conn.execute("UPDATE payouts SET status = 'pending' WHERE id = %s", (payout_id,))
            async with app.open_async():
                for payout_id in ids:
                    await transfer_payout.defer_async(payout_id=payout_id)
            return ids

        ids = asyncio.run(run())
        log.info("requeued failed payouts", count=len(ids))
        return ids

    @operator_only
    def reconcile_now(self) -> list[int]:
        return asyncio.run(_with_app(lambda: nightly_reconcile.defer_async(timestamp=int(datetime.now().timestamp()))))

    @operator_only
    def export_ledger(self, period: str, fmt: str = "csv") -> str:
        raise NotImplementedError("ledger export is not available yet")


def main() -> None:
    try:
        fire.Fire(Commands)
    except OperatorDenied as exc:
        print(f"denied: {exc}", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
