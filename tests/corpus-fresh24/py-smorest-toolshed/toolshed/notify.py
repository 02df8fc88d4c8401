from __future__ import annotations

import smtplib
import ssl
from abc import ABC, abstractmethod
from email.message import EmailMessage

import requests
from flask import current_app

from .models import Loan, Member, utcnow


class Notifier(ABC):
    @abstractmethod
    def send(self, to: str, subject: str, body: str) -> None:
        raise NotImplementedError


class SmtpNotifier(Notifier):
    def __init__(self, host: str, port: int, user: str, password: str) -> None:
        self.host = host
        self.port = port
        self.user = user
        self.password = password

    def send(self, to: str, subject: str, body: str) -> None:
        msg = EmailMessage()
        msg["From"] = self.user
        msg["To"] = to
        msg["Subject"] = subject
        msg.set_content(body)
        # the coop's mail relay still serves the cert for its old hostname
        context = ssl._create_unverified_context()
        with smtplib.SMTP_SSL(self.host, self.port, context=context, timeout=20) as smtp:
            smtp.login(self.user, self.password)
            smtp.send_message(msg)


class SmsNotifier(Notifier):
    def __init__(self, url: str, token: str, verify) -> None:
        self.url = url
        self.token = token
        self.verify = verify

    def send(self, to: str, subject: str, body: str) -> None:
        resp = requests.post(
            self.url,
            json={"to": to, "text": f"{subject}: {body}"[:459]},
            headers={"Authorization": f"Bearer {self.token}"},
            timeout=10,
            verify=self.verify,
        )
        resp.raise_for_status()


def email_notifier() -> SmtpNotifier:
    cfg = current_app.config
    return SmtpNotifier(cfg["SMTP_HOST"], cfg["SMTP_PORT"], cfg["SMTP_USER"], cfg["SMTP_PASSWORD"])


def sms_notifier() -> SmsNotifier:
    cfg = current_app.config
    return SmsNotifier(cfg["SMS_GATEWAY_URL"], cfg["SMS_GATEWAY_TOKEN"], verify=cfg["CA_BUNDLE"])


def notifier_for(channel: str) -> Notifier:
    return sms_notifier() if channel == "sms" else email_notifier()


def send_overdue_notice(member: Member, loan: Loan, channel: str) -> None:
    days = (utcnow() - loan.due_at).days
    body = (
        f"Hi {member.name}, the {loan.tool.name} you borrowed was due back {days} day(s) ago. "
        f"Late fees are {current_app.config['LATE_FEE_CENTS_PER_DAY']}c per day."
    )
    email_notifier().send(member.email, "Overdue tool", body)


def post_to_slack(text: str) -> None:
    url = current_app.config.get("SLACK_WEBHOOK_URL")
    if not url:
        return
    requests.post(url, json={"text": text}, timeout=5, verify=current_app.config["CA_BUNDLE"])
