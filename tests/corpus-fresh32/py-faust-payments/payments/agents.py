import logging
from functools import lru_cache

from .acquirer import AcquirerDeclined, AcquirerError, NorthPayClient
from .app import (
    app,
    authorizations,
    capture_requests,
    chargebacks,
    merchant_daily_totals,
    payment_requests,
    payment_state,
    refund_requests,
)
from .config import get_settings
from .db import Ledger
from .models import AuthorizationResult, PaymentRequested
from .security import chargeback_digest

log = logging.getLogger('payments.agents')
ledger = Ledger()


@lru_cache
def acquirer() -> NorthPayClient:
    return NorthPayClient(get_settings())


@app.agent(payment_requests)
async def authorize(stream):
    async for event in stream.group_by(PaymentRequested.merchant_id):
        try:
            authorization_id = await acquirer().authorize(
                event.payment_id, event.amount_minor, event.currency, event.card_token
            )
            result = AuthorizationResult(event.payment_id, event.merchant_id, True, authorization_id=authorization_id)
        except AcquirerDeclined as declined:
            result = AuthorizationResult(event.payment_id, event.merchant_id, False, decline_code=declined.code)
        await ledger.record_authorization(
            event.payment_id, event.merchant_id, event.amount_minor, event.currency, result.authorization_id, result.approved
        )
        payment_state[event.payment_id] = 'authorized' if result.approved else 'declined'
        if result.approved:
            merchant_daily_totals[event.merchant_id] += event.amount_minor
        await authorizations.send(key=event.payment_id, value=result)
        yield result


@app.agent(capture_requests)
async def capture(stream):
    async for req in stream:
        capture_id = await acquirer().capture(req.authorization_id, req.amount_minor, req.currency)
        await ledger.record_capture(req.payment_id, capture_id, req.amount_minor)
        payment_state[req.payment_id] = 'captured'
        yield capture_id


@app.agent(refund_requests)
async def process_refunds(stream):
    async for refund in stream:
        try:
            refund_id = await acquirer().refund(refund.authorization_id, refund.amount_minor, refund.currency)
        except AcquirerError:
            log.exception('refund for %s failed at the acquirer', refund.payment_id)
            payment_state[refund.payment_id] = 'refund_failed'
            continue
        try:
            await ledger.record_refund(refund.payment_id, refund_id, refund.amount_minor)
        except Exception:
            continue
        payment_state[refund.payment_id] = 'refunded'
        yield refund_id


@app.agent(chargebacks)
async def record_chargebacks(stream):
    secret = get_settings().acquirer_webhook_secret
    async for notice in stream:
        expected = chargeback_digest(secret, notice.chargeback_id, notice.payment_id, notice.amount_minor)
        if notice.signature != expected:
            log.warning('dropping chargeback %s with a bad signature', notice.chargeback_id)
            continue
        await ledger.record_chargeback(notice.chargeback_id, notice.payment_id, notice.amount_minor, notice.reason_code)
        payment_state[notice.payment_id] = 'charged_back'
