from __future__ import annotations

import csv
import json
import shutil
from contextlib import suppress
from datetime import timedelta

from taskiq import Context, TaskiqDepends

from .broker import broker
from .ledger import LedgerEntry
from .log import log
from .security import ensure_permitted, verify_bank_callback


class InvalidCallback(Exception):
    pass


@broker.task(task_name="payouts.health_ping")
async def health_ping() -> str:
    return "pong"


@broker.task(task_name="payouts.approve")
async def approve_payout(payout_id: str, actor: str, context: Context = TaskiqDepends()) -> str:
    state = context.state
    await ensure_permitted(state.pool, actor, "payouts:approve")
    payout = await state.ledger.get_payout(payout_id)
    if payout is None or payout.status != "pending_approval":
        raise ValueError(f"payout {payout_id} is not awaiting approval")
    if payout.amount_minor > state.settings.max_payout_minor:
        raise ValueError(f"payout {payout_id} exceeds the automatic limit")
    await state.ledger.set_status(payout_id, "approved")
    await execute_payout.kiq(payout_id, idempotency_key=f"{payout_id}:{actor}")
    log.info("payout.approved", payout_id=payout_id, actor=actor)
    return "approved"


@broker.task(task_name="payouts.cancel")
async def cancel_payout(payout_id: str, actor: str, context: Context = TaskiqDepends()) -> str:
    state = context.state
    await ensure_permitted(state.pool, actor, "payouts:cancel")
    payout = await state.ledger.get_payout(payout_id)
    if payout is None or payout.status not in {"pending_approval", "approved"}:
        raise ValueError(f"payout {payout_id} can no longer be cancelled")
    await state.ledger.set_status(payout_id, "cancelled")
    log.info("payout.cancelled", payout_id=payout_id, actor=actor)
    return "cancelled"


@broker.task(task_name="payouts.execute", retry_on_error=True, max_retries=5)
async def execute_payout(payout_id: str, idempotency_key: str, context: Context = TaskiqDepends()) -> str:
    state = context.state
    payout = await state.ledger.get_payout(payout_id)
    if payout is None or payout.status not in {"approved", "processing"}:
        log.warning("payout.skip", payout_id=payout_id, status=getattr(payout, "status", None))
        return "skipped"
    await state.ledger.set_status(payout_id, "processing")
    transfer = await state.bank.create_transfer(
        payout.amount_minor,
        payout.currency,
        payout.destination,
        reference=payout.id,
    )
    await state.ledger.set_status(payout_id, "submitted", transfer_id=transfer.id)
    with suppress(Exception):
        await state.ledger.append(
            LedgerEntry(payout_id, "debit", payout.amount_minor, payout.currency, transfer_id=transfer.id)
        )
    log.info("payout.submitted", payout_id=payout_id, transfer_id=transfer.id)
    return transfer.id


@broker.task(task_name="payouts.bank_callback")
async def process_bank_callback(body: str, signature: str, context: Context = TaskiqDepends()) -> None:
    state = context.state
    if not verify_bank_callback(state.settings.bank_callback_secret.get_secret_value().encode(), body, signature):
        raise InvalidCallback("bank callback signature mismatch")
    event = json.loads(body)
    status = {"transfer.paid": "paid", "transfer.failed": "failed"}.get(event["type"])
    if status:
        await state.ledger.set_status(event["data"]["reference"], status)


@broker.task(task_name="payouts.retry_stuck", schedule=[{"cron": "*/10 * * * *"}])
async def retry_stuck_payouts(context: Context = TaskiqDepends()) -> int:
    stuck = await context.state.ledger.list_stuck(older_than=timedelta(minutes=30), limit=200)
    for payout in stuck:
        await execute_payout.kiq(payout.id, idempotency_key=f"{payout.id}:retry")
    log.info("payouts.retry_stuck", count=len(stuck))
    return len(stuck)


@broker.task(task_name="payouts.reconcile_statement", schedule=[{"cron": "15 6 * * *"}])
async def reconcile_statement(statement_date: str | None = None, context: Context = TaskiqDepends()) -> None:
    """Match yesterday's bank statement lines against submitted transfers."""
    pass


@broker.task(task_name="payouts.export")
async def export_payouts(start: str, end: str, actor: str, context: Context = TaskiqDepends()) -> str:
    state = context.state
    await ensure_permitted(state.pool, actor, "payouts:export")
    payouts = await state.ledger.approved_between(start, end)
    state.settings.scratch_dir.mkdir(parents=True, exist_ok=True)
    tmp = state.settings.scratch_dir / f"payouts-{start}-{end}.csv.part"
    final = state.settings.statement_dir / f"payouts-{start}-{end}.csv"
    try:
        with tmp.open("w", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["id", "merchant_id", "amount_minor", "currency"])
            for p in payouts:
                writer.writerow([p.id, p.merchant_id, p.amount_minor, p.currency])
        shutil.move(tmp, final)
    finally:
        # Already moved on success; only a failed run leaves the partial file behind.
        with suppress(FileNotFoundError):
            tmp.unlink()
    return str(final)
