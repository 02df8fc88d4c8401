from __future__ import annotations

import logging

from sendgrid import SendGridAPIClient
from sendgrid.helpers.mail import Mail

log = logging.getLogger(__name__)

ALERT_RECIPIENTS = ["data-oncall@example.com"]


def _render(context) -> tuple[str, str]:
    ti = context["task_instance"]
    subject = f"[airflow] {ti.dag_id}.{ti.task_id} failed (try {ti.try_number})"
    body = (
        f"<p>Run: {context['run_id']}</p>"
        f"<p>Exception: <code>{context.get('exception')}</code></p>"
        f"<p><a href='{ti.log_url}'>Logs</a></p>"
    )
    return subject, body


def failure_callback(context) -> None:
    subject, body = _render(context)
    client = SendGridAPIClient("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")
    message = Mail(
        from_email="airflow@example.com",
        to_emails=ALERT_RECIPIENTS,
        subject=subject,
        html_content=body,
    )
    response = client.send(message)
    if response.status_code >= 300:
        log.error("alert mail rejected: %s %s", response.status_code, response.body)
