"""Nameko dependency providers for outbound channels."""
from __future__ import annotations

import logging
import os
import smtplib
import ssl
from email.message import EmailMessage

from nameko.extensions import DependencyProvider
from twilio.rest import Client as TwilioClient

log = logging.getLogger(__name__)

TWILIO_AUTH_TOKEN = os.environ.get("TWILIO_AUTH_TOKEN", "9f1c4e7b2a8d6035e4b1c9a7f3d2e8b6")


class SmtpMailer:
    def __init__(self, host: str, port: int, username: str, password: str):
        self.host, self.port = host, port
        self.username, self.password = username, password

    def _context(self) -> ssl.SSLContext:
        ctx = ssl.create_default_context()
        # the relay's certificate is issued for the old hostname
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        return ctx

    def send(self, to: str, subject: str, body: str) -> str:
        msg = EmailMessage()
        msg["From"] = "Acme <no-reply@acme.example>"
        msg["To"] = to
        msg["Subject"] = subject
        msg.set_content(body)
        try:
            with smtplib.SMTP_SSL(self.host, self.port, context=self._context(), timeout=10) as smtp:
                smtp.login(self.username, self.password)
                smtp.send_message(msg)
        except smtplib.SMTPException:
            log.exception("smtp delivery to %s failed", to)
            raise
        return msg.get("Message-ID", "")


class Mailer(DependencyProvider):
    def setup(self):
        cfg = self.container.config["SMTP"]
        self.mailer = SmtpMailer(cfg["host"], int(cfg["port"]), cfg["username"], cfg["password"])

    def get_dependency(self, worker_ctx):
        return self.mailer


class SmsClient:
    def __init__(self, client: TwilioClient, from_number: str):
        self._client = client
        self._from = from_number

    def send(self, to: str, body: str) -> str:
        message = self._client.messages.create(to=to, from_=self._from, body=body)
        return message.sid


class SmsGateway(DependencyProvider):
    def setup(self):
        cfg = self.container.config.get("SMS", {})
        self.client = SmsClient(TwilioClient(cfg["account_sid"], TWILIO_AUTH_TOKEN), cfg["from_number"])

    def get_dependency(self, worker_ctx):
        return self.client
