from __future__ import annotations

import logging
from decimal import Decimal
from typing import Callable

from . import store
from .signing import verified

log = logging.getLogger(__name__)

Handler = Callable[[dict, dict, bytes], None]


@verified
def handle_payment_captured(body: dict, headers: dict, raw: bytes) -> None:
    with store.SessionLocal() as session:
        store.record_entry(
            session,
            event_id=body["event_id"],
            account=body["merchant_account"],
            amount=Decimal(body["amount"]),
            currency=body["currency"],
            kind="capture",
        )


def handle_refund_issued(body: dict, headers: dict, raw: bytes) -> None:
    amount = Decimal(body["amount"])
    with store.SessionLocal() as session:
        if store.record_entry(session, body["event_id"], body["merchant_account"], -amount, body["currency"], "refund"):
            store.mark_refunded(session, body["payment_id"], amount)


def handle_ping(body: dict, _headers: dict, _raw: bytes) -> None:
    log.debug("ping %s", body.get("ts"))


HANDLERS: dict[str, Handler] = {
    "payment.captured": handle_payment_captured,
    "refund.issued": handle_refund_issued,
    "system.ping": handle_ping,
}


def dispatch(routing_key: str, body: dict, headers: dict, raw: bytes) -> None:
    handler = HANDLERS.get(routing_key)
    if handler is None:
        raise LookupError(f"no handler for {routing_key}")
    handler(body, headers, raw)
