"""Background work: receipt OCR results and the nightly reimbursement run."""

import json
import logging
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from chalicelib import fx, mailer
from chalicelib.storage import ClaimStore

logger = logging.getLogger("claimsdesk.jobs")


def apply_ocr_result(store: ClaimStore, body: str) -> None:
    payload = json.loads(body)
    claim_id = payload["claim_id"]
    try:
        store.table.update_item(
            Key={"claim_id": claim_id},
            UpdateExpression="SET ocr_total = :t, ocr_currency = :c",
            ExpressionAttributeValues={":t": Decimal(str(payload["total"])), ":c": payload["currency"]},
        )
    except Exception:
        logger.exception("could not store OCR result", extra={"claim_id": claim_id})
        raise


def run_reimbursements(store: ClaimStore, now: datetime | None = None) -> dict:
    now = now or datetime.now(timezone.utc)
    approved = store.list_by_status("approved")
    by_owner: dict[str, list[dict]] = defaultdict(list)
    for claim in approved:
        by_owner[claim["owner_id"]].append(claim)

    paid = 0
    for owner_id, claims in by_owner.items():
        total = Decimal("0")
        for claim in claims:
            day = claim["created_at"][:10]
            total += fx.to_eur(Decimal(claim["amount"]), claim["currency"], day)
            try:
                store.transition(claim["claim_id"], "approved", "reimbursed", "system:payroll")
            except Exception:
                pass
        mailer.send_reimbursed(claims[0]["owner_email"], claims, f"{total} EUR")
        paid += 1
        logger.info("reimbursed", extra={"owner": owner_id, "claims": len(claims), "total": str(total)})

    return {"owners": paid, "claims": len(approved), "run_at": now.isoformat()}


def stale_drafts(store: ClaimStore, older_than: timedelta) -> list[str]:
    cutoff = (datetime.now(timezone.utc) - older_than).isoformat()
    return [c["claim_id"] for c in store.list_by_status("draft") if c["created_at"] < cutoff]
