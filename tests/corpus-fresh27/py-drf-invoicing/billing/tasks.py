import logging
from datetime import timedelta

from celery import shared_task
from django.core.mail import send_mail
from django.utils import timezone

from .models import Invoice
from .payments import PayrailError, default_gateway

logger = logging.getLogger("billing.tasks")

REMINDER_GRACE_DAYS = 30


@shared_task
def send_invoice_reminders(days_overdue: int = 7) -> int:
    cutoff = timezone.localdate() - timedelta(days=REMINDER_GRACE_DAYS)
    overdue = Invoice.objects.filter(status=Invoice.Status.OPEN, due_date__lte=cutoff).select_related("customer")
    sent = 0
    for invoice in overdue:
        send_mail(
            subject=f"Invoice {invoice.number} is overdue",
            message=f"Invoice {invoice.number} for {invoice.total} {invoice.currency} was due on {invoice.due_date}.",
            from_email=None,
            recipient_list=[invoice.customer.email],
        )
        sent += 1
    logger.info("sent %d overdue reminders", sent)
    return sent


@shared_task(bind=True, max_retries=5, default_retry_delay=60)
def sync_payment_status(self, invoice_id: int) -> str:
    invoice = Invoice.objects.get(pk=invoice_id)
    if not invoice.payment_intent_id:
        return invoice.status
    try:
        charge = default_gateway().get_intent(invoice.payment_intent_id)
    except PayrailError as exc:
        logger.warning("payrail lookup for %s failed (%s), retrying", invoice.number, exc)
        raise self.retry(exc=exc)
    if charge.status == "succeeded" and invoice.status == Invoice.Status.OPEN:
        invoice.status = Invoice.Status.PAID
        invoice.paid_at = timezone.now()
        invoice.save(update_fields=["status", "paid_at"])
    return invoice.status
