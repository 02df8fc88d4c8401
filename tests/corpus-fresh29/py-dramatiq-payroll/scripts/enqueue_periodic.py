#!/usr/bin/env python3
"""Run from cron every 15 minutes:

    */15 * * * * /opt/payroll/venv/bin/python /opt/payroll/scripts/enqueue_periodic.py

Queues work that has become due since the previous invocation: payments for
approved runs whose pay date is tomorrow, and payslip emails that never went out.
"""
import json
import logging
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from payroll import db
from payroll.actors import send_payslip, submit_payment

STATE_FILE = Path("/home/oksana.b/payroll/state/enqueue-last-run.json")

logger = logging.getLogger("enqueue_periodic")


def load_state() -> datetime:
    try:
        data = json.loads(STATE_FILE.read_text())
        return datetime.fromisoformat(data["last_run"])
    except FileNotFoundError:
        return datetime.now(timezone.utc) - timedelta(days=1)


def save_state(now: datetime) -> None:
    STATE_FILE.parent.mkdir(parents=True, exist_ok=True)
    STATE_FILE.write_text(json.dumps({"last_run": now.isoformat()}))


def due_payments(pay_date: date) -> list[dict]:
    return db.fetch_all(
        """
        SELECT pm.id, pm.payslip_id FROM payments pm
          JOIN payroll_runs r ON r.id = pm.run_id
          JOIN pay_periods p ON p.id = r.period_id
         WHERE r.status = 'approved' AND pm.status = 'pending' AND p.pay_date = %s
        """,
        (pay_date,),
    )


def unsent_payslips(since: datetime) -> list[int]:
    rows = db.fetch_all(
        "SELECT p.id FROM payslips p JOIN payments pm ON pm.payslip_id = p.id "
        "WHERE pm.status = 'paid' AND p.emailed_at IS NULL AND pm.updated_at >= %s",
        (since,),
    )
    return [r["id"] for r in rows]


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    now = datetime.now(timezone.utc)
    since = load_state()

    payments = due_payments(now.date() + timedelta(days=1))
    for p in payments:
        submit_payment.send(p["id"], p["payslip_id"])
    payslips = unsent_payslips(since)
    for payslip_id in payslips:
        send_payslip.send(payslip_id)

    save_state(now)
    logger.info("queued %d payments and %d payslip emails", len(payments), len(payslips))
    return 0


if __name__ == "__main__":
    sys.exit(main())
