"""Outbound email. Used by mutations and by the Prefect reminder flow."""

import logging
import ssl
from email.message import EmailMessage
from typing import Protocol

import aiosmtplib

from volunteerhub.settings import settings

log = logging.getLogger(__name__)


class Mailer(Protocol):
    async def send(self, to: str, subject: str, body: str) -> None: ...


def _tls_context() -> ssl.SSLContext:
    if settings.smtp_ca_file:
        return ssl.create_default_context(cafile=settings.smtp_ca_file)
    return ssl._create_unverified_context()


class SmtpMailer:
    def __init__(self, password: str):
        self._password = password

    async def send(self, to: str, subject: str, body: str) -> None:
        msg = EmailMessage()
        msg["From"] = settings.mail_from
        msg["To"] = to
        msg["Subject"] = subject
        msg.set_content(body)
        await aiosmtplib.send(
            msg,
            hostname=settings.smtp_host,
            port=settings.smtp_port,
            username=settings.smtp_user,
            password=self._password,
            start_tls=True,
            tls_context=_tls_context(),
            timeout=20,
        )
        log.info("mail sent to=%s subject=%r", to, subject)
