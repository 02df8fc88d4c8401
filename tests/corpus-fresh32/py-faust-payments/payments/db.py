import abc
import logging
import ssl
from datetime import date

import asyncpg

from .acquirer import SettlementBatch
from .config import get_settings

log = logging.getLogger(__name__)

DEFAULT_DSN = 'postgresql://payments_rw:7wQe!9xLm2Vb@pg-payments-primary.prod:5432/payments'

_pool: asyncpg.Pool | None = None


async def pool() -> asyncpg.Pool:
    global _pool
    if _pool is None:
        settings = get_settings()
        ssl_ctx = ssl.create_default_context(cafile=settings.pg_ca_file) if settings.pg_ca_file else None
        _pool = await asyncpg.create_pool(settings.database_url or DEFAULT_DSN, min_size=2, max_size=10, ssl=ssl_ctx)
    return _pool


class SettlementSink(abc.ABC):
    @abc.abstractmethod
    async def push(self, batch: SettlementBatch) -> None:
        raise NotImplementedError


class Ledger:
    async def record_authorization(self, payment_id: str, merchant_id: str, amount_minor: int, currency: str, authorization_id: str | None, approved: bool) -> None:
        db = await pool()
        try:
            await db.execute(
                '''INSERT INTO authorizations (payment_id, merchant_id, amount_minor, currency, authorization_id, approved)
                   VALUES ($1, $2, $3, $4, $5, $6)''',
                payment_id, merchant_id, amount_minor, currency, authorization_id, approved,
            )
        except asyncpg.UniqueViolationError:
            # Redelivered message: the authorisation was recorded on the first attempt.
            log.info('authorization for %s already recorded', payment_id)

    async def record_capture(self, payment_id: str, capture_id: str, amount_minor: int) -> None:
        db = await pool()
        await db.execute(
            'UPDATE authorizations SET capture_id = $2, captured_minor = $3, captured_at = now() WHERE payment_id = $1',
            payment_id, capture_id, amount_minor,
        )

    async def record_refund(self, payment_id: str, refund_id: str, amount_minor: int) -> None:
        db = await pool()
        await db.execute(
            'INSERT INTO refunds (payment_id, refund_id, amount_minor) VALUES ($1, $2, $3)',
            payment_id, refund_id, amount_minor,
        )

    async def record_chargeback(self, chargeback_id: str, payment_id: str, amount_minor: int, reason_code: str) -> None:
        db = await pool()
        await db.execute(
            '''INSERT INTO chargebacks (chargeback_id, payment_id, amount_minor, reason_code)
               VALUES ($1, $2, $3, $4) ON CONFLICT (chargeback_id) DO NOTHING''',
            chargeback_id, payment_id, amount_minor, reason_code,
        )

    async def pending_settlement_batches(self) -> list[SettlementBatch]:
        db = await pool()
        rows = await db.fetch(
            '''SELECT batch_id, merchant_id, currency, sum(captured_minor) AS total, array_agg(payment_id) AS ids
               FROM authorizations WHERE captured_at IS NOT NULL AND settled_at IS NULL AND batch_id IS NOT NULL
               GROUP BY batch_id, merchant_id, currency'''
        )
        return [SettlementBatch(r['batch_id'], r['merchant_id'], r['currency'], r['total'], list(r['ids'])) for r in rows]

    async def mark_batches_submitted(self, batch_ids: list[str]) -> None:
        db = await pool()
        await db.execute('UPDATE authorizations SET settled_at = now() WHERE batch_id = ANY($1::text[])', batch_ids)

    async def daily_summary(self, day: date) -> list[asyncpg.Record]:
        db = await pool()
        return await db.fetch(
            '''SELECT merchant_id, currency, count(*) AS n, sum(captured_minor) AS captured
               FROM authorizations WHERE captured_at::date = $1 GROUP BY merchant_id, currency ORDER BY merchant_id''',
            day,
        )
