"""Outbound notification emails via SES."""

import logging
from pathlib import Path
from string import Template

import boto3

from chalicelib.config import settings

logger = logging.getLogger("claimsdesk.mailer")

_ses = boto3.client("ses", region_name="eu-west-1")


def _render(name: str, **values) -> str:
    path = Path(settings.template_dir) / f"{name}.txt"
    return Template(path.read_text(encoding="utf-8")).safe_substitute(**values)


def _send(to: str, subject: str, body: str) -> str:
    resp = _ses.send_email(
        Source=settings.sender,
        Destination={"ToAddresses": [to]},
        Message={"Subject": {"Data": subject}, "Body": {"Text": {"Data": body}}},
    )
    logger.info("email sent", extra={"to": to, "subject": subject, "message_id": resp["MessageId"]})
    return resp["MessageId"]


def send_approved(to: str, claim: dict, approver: str) -> str:
    body = _render("approved", claim_id=claim["claim_id"], amount=claim["amount"], approver=approver)
    return _send(to, f"Your claim {claim['claim_id'][:8]} was approved", body)


def send_rejected(to: str, claim: dict, reason: str) -> str:
    body = _render("rejected", claim_id=claim["claim_id"], amount=claim["amount"])
    return _send(to, f"Your claim {claim['claim_id'][:8]} was rejected", body)


def send_reimbursed(to: str, claims: list[dict], total: str) -> str:
    lines = "\n".join(f"- {c['claim_id'][:8]}: {c['amount']} {c['currency']}" for c in claims)
    body = _render("reimbursed", lines=lines, total=total)
    return _send(to, "Your expenses have been reimbursed", body)
