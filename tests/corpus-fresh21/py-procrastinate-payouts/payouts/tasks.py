"""Background jobs run by `procrastinate worker`."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import httpx
import procrastinate
import psycopg
import structlog

from payouts import db, mailer, storage
from payouts.app import app
from payouts.settings import get_settings
from payouts.signing import sign_statement_link

log = structlog.get_logger(__name__)

TRANSFER_RETRY = procrastinate.RetryStrategy(max_attempts=5, exponential_wait=30, retry_exceptions={httpx.TransportError})


class TransferRejected(Exception):
    pass


def _reconcile_window(timestamp: int) -> datetime:
    return datetime.fromtimestamp(timestamp, tz=timezone.utc) - timedelta(days=2)


async def _call_bank(payout: db.Payout) -> str:
    settings = get_settings()
    async with httpx.AsyncClient(base_url=settings.bank_api_url, timeout=20.0) as client:
        resp = await client.post(
            "/transfers",
            headers={"Authorization": f"Bearer {settings.bank_api_token}", "Idempotency-Key": f"payout-{payout.id}"},
            json={"seller_id": payout.seller_id, "amount": payout.amount_cents, "currency": payout.currency},
        )
    if resp.status_code == 422:
        raise TransferRejected(resp.json().get("message", "rejected"))
    resp.raise_for_status()
    return resp.json()["reference"]


@app.task(queue="payouts", name="payouts.release_batch")
async def release_batch(batch_id: int) -> int:
    settings = get_settings()
    async with db.connection() as conn:
        batch = await db.get_batch(conn, batch_id)
        if batch is None or batch.status != "approved":
            log.warning("batch not releasable", batch_id=batch_id, status=batch and batch.status)
            return 0
        payouts = await db.fetch_pending_payouts(conn, batch_id, settings.min_payout_cents)
        for payout in payouts:
            await transfer_payout.defer_async(payout_id=payout.id)
        await db.set_batch_status(conn, batch_id, "releasing")
    log.info("batch released", batch_id=batch_id, payouts=len(payouts))
    return len(payouts)


@app.task(queue="payouts", name="payouts.transfer", retry=TRANSFER_RETRY)
async def transfer_payout(payout_id: int) -> None:
    async with db.connection() as conn:
        payout = await db.get_payout(conn, payout_id)
        if payout is None or payout.status != "pending":
            return
        try:
            reference = await _call_bank(payout)
        except TransferRejected as exc:
            await db.mark_failed(conn, payout.id, str(exc))
            log.warning("transfer rejected", payout_id=payout.id, reason=str(exc))
            return
        try:
            await db.mark_transferred(conn, payout.id, reference)
        except psycopg.Error:
            pass
    await notify_seller.defer_async(payout_id=payout_id)


@app.task(queue="mail", name="payouts.notify_seller", retry=3)
async def notify_seller(payout_id: int) -> None:
    settings = get_settings()
    async with db.connection() as conn:
        payout = await db.get_payout(conn, payout_id)
        if payout is None:
            return
        email = await db.seller_email(conn, payout.seller_id)
    period = payout.created_at.strftime("%Y-%m")
    link = sign_statement_link(settings.link_signing_key, storage.statement_key(payout.seller_id, period))
    mailer.send(mailer.build_payout_message(email, payout.amount_cents, payout.currency, f"https://sellers.acme.example/{link}"))


@app.task(queue="statements", name="payouts.render_statement")
async def render_statement(seller_id: int, period: str, lines: list[dict]) -> str:
    body = storage.TextStatementRenderer().render(seller_id, lines, period)
    return storage.upload_statement(seller_id, period, body)


@app.periodic(cron="0 4 1 * *", periodic_id="monthly-statements")
@app.task(queue="statements", name="payouts.monthly_statements", queueing_lock="monthly-statements")
async def monthly_statements(timestamp: int) -> None:
    raise NotImplementedError("monthly statement fan-out")


@app.periodic(cron="15 3 * * *", periodic_id="nightly-reconcile")
@app.task(queue="maintenance", name="payouts.nightly_reconcile", queueing_lock="nightly-reconcile")
async def nightly_reconcile(timestamp: int) -> list[int]:
    since = _reconcile_window(timestamp)
    async with db.connection() as conn:
        failed = await db.failed_payout_ids(conn, since)
    if failed:
        log.warning("failed payouts awaiting retry", count=len(failed), ids=failed[:20])
    return failed
