import logging
import smtplib
import ssl
from email.message import EmailMessage

from reports import config

log = logging.getLogger(__name__)


def _tls_context() -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    # relay presents the cert for the old hostname
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


def send_report_email(to: str, subject: str, body: str, attachment: bytes | None = None) -> None:
    msg = EmailMessage()
    msg["From"] = "reports@acme.io"
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(body)
    if attachment is not None:
        msg.add_attachment(attachment, maintype="text", subtype="html", filename="report.html")

    try:
        with smtplib.SMTP_SSL(config.SMTP_HOST, config.SMTP_PORT, context=_tls_context(), timeout=30) as smtp:
            smtp.send_message(msg)
    except smtplib.SMTPException:
        log.exception("failed to send report to %s", to)
        raise
