import logging
import smtplib
from email.message import EmailMessage

import dramatiq
import httpx

from payroll import broker as _broker  # noqa: F401  (configures the broker on import)
from payroll import calc, db
from payroll.bank import BankClient

logger = logging.getLogger(__name__)

SMTP_HOST = "smtp.internal"


@dramatiq.actor(queue_name="payroll", max_retries=3)
def compute_payslip(employee_id: int, period_id: int, include_bonus: bool = False) -> int:
    employee = db.employee(employee_id)
    period = db.period(period_id)
    slip = calc.compute(employee, period, include_bonus=include_bonus)
    payslip_id = db.save_payslip(employee_id, period_id, slip.gross, slip.tax, slip.ni, slip.net)
    logger.info("payslip %s computed for employee %s (net %s)", payslip_id, employee_id, slip.net)
    return payslip_id


@dramatiq.actor(queue_name="payments", max_retries=8, min_backoff=60_000)
def submit_payment(payment_id: int, payslip_id: int) -> None:
    slip = db.payslip(payslip_id)
    employee = db.employee(slip["employee_id"])
    period = db.period(slip["period_id"])
    client = BankClient()
    try:
        receipt = client.submit_payment(
            employee["sort_code"],
            employee["account_number"],
            slip["net_pence"],
            reference=f"HR-PAY-{payment_id}",
            value_date=period["pay_date"],
        )
    except httpx.HTTPStatusError:
        return
    finally:
        client.close()
    db.mark_payment(payment_id, "submitted", receipt.bank_reference)
    send_payslip.send(payslip_id)


@dramatiq.actor(queue_name="payroll", max_retries=5)
def send_payslip(payslip_id: int) -> None:
    slip = db.payslip(payslip_id)
    msg = EmailMessage()
    msg["From"] = "payroll@hollinsreeve.co.uk"
    msg["To"] = slip["email"]
    msg["Subject"] = "Your payslip is ready"
    msg.set_content(
        f"Hello {slip['full_name']},\n\nNet pay this period: £{slip['net_pence'] / 100:,.2f}.\n"
        "Your full payslip is available in the staff portal.\n"
    )
    try:
        with smtplib.SMTP(SMTP_HOST, 587, timeout=30) as smtp:
            smtp.starttls()
            smtp.send_message(msg)
    except smtplib.SMTPException:
        logger.exception("payslip email for %s failed; dramatiq will retry", payslip_id)
        raise


@dramatiq.actor(queue_name="payments", max_retries=0)
def reverse_payment(payment_id: int, reason: str) -> None:
    """Recall a submitted payment from the bank and mark it reversed."""
    pass


@dramatiq.actor(queue_name="payroll")
def start_run(run_id: int, period_id: int, employee_ids: list[int], bonus_period: bool) -> None:
    for employee_id in employee_ids:
        compute_payslip.send(employee_id, period_id, include_bonus=bonus_period)
    logger.info("run %s: queued %d payslips", run_id, len(employee_ids))
