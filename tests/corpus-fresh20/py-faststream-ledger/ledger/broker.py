import contextlib
from datetime import datetime, timezone

import asyncpg
import httpx
from faststream import Context, ContextRepo, FastStream, Logger
from faststream.kafka import KafkaBroker, KafkaMessage
from faststream.security import SASLScram512

from ledger.auth import is_trusted_source, verify_envelope
from ledger.config import get_settings
from ledger.db import account_currency, create_pool, insert_postings, mark_transfer_seen
from ledger.fx import fetch_rate, fx_client
from ledger.models import (
    Direction,
    Posting,
    PostingsCreated,
    TransferRejected,
    TransferRequested,
    to_minor_units,
)

settings = get_settings()

broker = KafkaBroker(
    settings.kafka_bootstrap,
    security=SASLScram512(
        username=settings.kafka_user,
        password=settings.kafka_password,
        ssl_context=settings.kafka_ssl_context(),
    ),
    client_id="ledger-writer",
)
app = FastStream(broker, title="ledger-writer")

postings_publisher = broker.publisher(settings.topics["postings"])
rejections_publisher = broker.publisher(settings.topics["rejections"])
audit_publisher = broker.publisher(settings.topics["audit"])


@app.on_startup
async def open_resources(context: ContextRepo) -> None:
    context.set_global("pool", await create_pool(settings.database_dsn))
    context.set_global("fx", fx_client())


@app.after_shutdown
async def close_resources(pool: asyncpg.Pool = Context(), fx: httpx.AsyncClient = Context()) -> None:
    await fx.aclose()
    await pool.close()


async def reject(body: TransferRequested, reason: str, logger: Logger) -> None:
    logger.warning("rejecting transfer %s: %s", body.transfer_id, reason)
    await rejections_publisher.publish(TransferRejected(transfer_id=body.transfer_id, reason=reason))


@broker.subscriber(settings.topics["transfers"], group_id="ledger-writer", auto_commit=False)
async def handle_transfer(
    body: TransferRequested,
    message: KafkaMessage,
    logger: Logger,
    pool: asyncpg.Pool = Context(),
    fx: httpx.AsyncClient = Context(),
) -> None:
    if not verify_envelope(message.body, message.headers.get("x-envelope-sig"), settings.envelope_key):
        await reject(body, "bad envelope signature", logger)
        await message.ack()
        return

    if not is_trusted_source(body.source):
        await reject(body, f"untrusted source {body.source}", logger)
        await message.ack()
        return

    if not await mark_transfer_seen(pool, body.transfer_id):
        await message.ack()
        return

    target_currency = await account_currency(pool, body.to_account)
    if target_currency is None:
        await reject(body, f"unknown account {body.to_account}", logger)
        await message.ack()
        return

    rate = None
    credited = body.amount
    if target_currency != body.currency:
        rate = await fetch_rate(fx, body.currency, target_currency, body.requested_at.date())
        credited = (body.amount * rate).quantize(body.amount)

    postings = [
        Posting(
            transfer_id=body.transfer_id,
            account=body.from_account,
            direction=Direction.DEBIT,
            amount_minor=to_minor_units(body.amount, body.currency),
            currency=body.currency,
        ),
        Posting(
            transfer_id=body.transfer_id,
            account=body.to_account,
            direction=Direction.CREDIT,
            amount_minor=to_minor_units(credited, target_currency),
            currency=target_currency,
        ),
    ]
    await insert_postings(pool, postings, rate)
    await postings_publisher.publish(
        PostingsCreated(transfer_id=body.transfer_id, postings=postings, fx_rate=rate),
        correlation_id=message.correlation_id,
    )

    with contextlib.suppress(Exception):
        await audit_publisher.publish(
            {
                "event": "transfer.posted",
                "transfer_id": str(body.transfer_id),
                "source": body.source,
                "at": datetime.now(timezone.utc).isoformat(),
            }
        )

    await message.ack()
    logger.info("posted transfer %s", body.transfer_id)
