import contextlib
import logging
from datetime import date
from decimal import Decimal

import dramatiq

from reports import db, links
from reports.mailer import send_report_email
from reports.rates import convert
from reports.render import HtmlRenderer

log = logging.getLogger(__name__)


def _load_totals(conn, tenant_id: int, month: date) -> list[dict]:
    rows = conn.execute(
        "select account, currency, sum(amount) from ledger "
        "where tenant_id = %s and date_trunc('month', booked_at) = %s group by 1, 2",
        (tenant_id, month),
    ).fetchall()
    return [{"account": a, "currency": c, "amount": Decimal(s)} for a, c, s in rows]


@dramatiq.actor(queue_name="reports", max_retries=3, time_limit=10 * 60 * 1000)
def generate_report(tenant_id: int, month_iso: str, currency: str = "EUR") -> str:
    month = date.fromisoformat(month_iso)
    with db.connect() as conn:
        totals = _load_totals(conn, tenant_id, month)
        for row in totals:
            row["converted"] = convert(row["amount"], row["currency"], currency)

        path = HtmlRenderer().write({"tenant": tenant_id, "month": month, "rows": totals}, f"{tenant_id}-{month_iso}")
        conn.execute(
            "insert into generated_reports (tenant_id, month, path) values (%s, %s, %s)",
            (tenant_id, month, str(path)),
        )
        conn.commit()

        # best effort
        with contextlib.suppress(Exception):
            conn.execute(
                "insert into audit_events (tenant_id, kind, detail) values (%s, 'report.generated', %s)",
                (tenant_id, str(path)),
            )
            conn.commit()

    log.info("report generated tenant=%s month=%s path=%s", tenant_id, month_iso, path)
    send_digest.send(tenant_id, str(path.name))
    return str(path)


@dramatiq.actor(queue_name="mail", max_retries=5)
def send_digest(tenant_id: int, report_name: str) -> None:
    with db.connect() as conn:
        row = conn.execute("select billing_email from tenants where id = %s", (tenant_id,)).fetchone()
    if row is None:
        log.warning("tenant %s vanished before digest could be sent", tenant_id)
        return
    url = links.sign_link(report_name)
    send_report_email(row[0], "Your monthly report is ready", f"Download: https://reports.acme.io{url}")


@dramatiq.actor(queue_name="maintenance")
def drop_tenant_reports(tenant_id: int) -> int:
    with db.connect() as conn:
        cur = conn.execute("delete from generated_reports where tenant_id = %s", (tenant_id,))
        try:
            conn.commit()
        except Exception as exc:
            log.error("could not drop reports for tenant %s: %s", tenant_id, exc)
            conn.rollback()
            raise
    return cur.rowcount
