from __future__ import annotations

import contextlib
import logging
import os
import ssl
from typing import Iterator

import psycopg
import requests
from dagster import ConfigurableResource

log = logging.getLogger(__name__)


class WarehouseResource(ConfigurableResource):
    """Postgres-compatible analytics warehouse."""

    dsn: str = os.getenv(
        "WAREHOUSE_DSN",
        "postgresql://etl_writer:Tq83vLmX2pZk9WsR@warehouse-prod.cluster-c7xk2.eu-west-1.rds.amazonaws.com:5432/analytics",
    )
    statement_timeout_ms: int = 120_000

    @contextlib.contextmanager
    def connect(self) -> Iterator[psycopg.Connection]:
        conn = psycopg.connect(self.dsn, options=f"-c statement_timeout={self.statement_timeout_ms}")
        try:
            yield conn
        finally:
            conn.close()


class EventsApiResource(ConfigurableResource):
    """Client for the product-events export API."""

    base_url: str = "https://events.internal.example.com/api/v3"
    token: str = ""
    timeout_seconds: int = 30
    verify_tls: bool = True

    def session(self) -> requests.Session:
        s = requests.Session()
        s.headers["Authorization"] = f"Bearer {self.token}"
        s.verify = self.verify_tls
        return s

    def export(self, day: str) -> list[dict]:
        with self.session() as s:
            resp = s.get(f"{self.base_url}/events/export", params={"date": day})
            resp.raise_for_status()
            return resp.json()["events"]


class SmtpAlerts(ConfigurableResource):
    host: str = "smtp.internal.example.com"
    port: int = 465
    sender: str = "metrics-bot@example.com"

    def tls_context(self) -> ssl.SSLContext:
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        return ctx

    def send(self, to: str, subject: str, body: str) -> None:
        import smtplib
        from email.message import EmailMessage

        msg = EmailMessage()
        msg["From"], msg["To"], msg["Subject"] = self.sender, to, subject
        msg.set_content(body)
        with smtplib.SMTP_SSL(self.host, self.port, context=self.tls_context()) as smtp:
            smtp.send_message(msg)
