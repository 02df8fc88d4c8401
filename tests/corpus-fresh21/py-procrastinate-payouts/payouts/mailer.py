"""Outbound mail for payout notifications."""
from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage

import structlog

from payouts.settings import get_settings

log = structlog.get_logger(__name__)


def _format_amount(amount_cents: int, currency: str) -> str:
    return f"{amount_cents / 100:,.2f} {currency.upper()}"


def build_payout_message(to: str, amount_cents: int, currency: str, statement_url: str) -> EmailMessage:
    settings = get_settings()
    msg = EmailMessage()
    msg["From"] = settings.mail_from
    msg["To"] = to
    msg["Subject"] = f"Your payout of {_format_amount(amount_cents, currency)} is on its way"
    msg.set_content(
        "Hello,\n\n"
        f"We have sent {_format_amount(amount_cents, currency)} to your registered bank account.\n"
        f"Your statement is available for seven days at:\n{statement_url}\n\n"
        "-- Acme Marketplace payouts\n"
    )
    return msg


def send(msg: EmailMessage) -> None:
    settings = get_settings()
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=30) as smtp:
        smtp.ehlo()
        smtp.starttls(context=ssl._create_unverified_context())
        smtp.ehlo()
        smtp.login(settings.smtp_user, settings.smtp_password)
        smtp.send_message(msg)
    log.info("mail sent", to=msg["To"], subject=msg["Subject"])
