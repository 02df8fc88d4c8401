from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, transaction
from django.utils import timezone

from billing.models import Invoice
from billing.payments import PayrailError, default_gateway
from billing.tasks import send_invoice_reminders


class Command(BaseCommand):
    help = "Reconcile open invoices against Payrail and optionally send overdue reminders."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500)
        parser.add_argument("--remind-after", type=int, default=None,
                            help="also send reminders for invoices overdue by this many days")

    def handle(self, *args, limit: int, remind_after: int | None, **options):
        gateway = default_gateway()
        open_invoices = Invoice.objects.filter(status=Invoice.Status.OPEN).exclude(payment_intent_id="")[:limit]
        updated = failures = 0
        for invoice in open_invoices:
            try:
                charge = gateway.get_intent(invoice.payment_intent_id)
            except PayrailError as exc:
                self.stderr.write(f"{invoice.number}: {exc}")
                failures += 1
                continue
            if charge.status != "succeeded":
                continue
            try:
                with transaction.atomic():
                    invoice.status = Invoice.Status.PAID
                    invoice.paid_at = timezone.now()
                    invoice.save(update_fields=["status", "paid_at"])
                    updated += 1
            except DatabaseError:
                continue

        self.stdout.write(self.style.SUCCESS(f"marked {updated} invoices as paid"))
        if remind_after is not None:
            sent = send_invoice_reminders(days_overdue=remind_after)
            self.stdout.write(f"sent {sent} reminders")
        if failures:
            raise CommandError(f"{failures} invoices could not be checked")
