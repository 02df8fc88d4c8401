import logging
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tickets.models import Refund
from tickets.services.gateway import GatewayError, list_refunds

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Reconcile refunds recorded locally with the payments gateway."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="Look-back window in days.")
        parser.add_argument("--limit", type=int, default=500, help="Maximum refunds to fetch.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report mismatches without updating local records.",
        )

    def handle(self, *args, **options):
        since = timezone.now() - timedelta(days=options["days"])
        try:
            remote = list_refunds(since.isoformat(), limit=options["limit"])
        except GatewayError as exc:
            logger.error("could not fetch refunds: %s", exc)
            raise CommandError(f"gateway unavailable: {exc}") from exc

        by_ref = {r["id"]: r for r in remote}
        updated = 0
        for refund in Refund.objects.filter(created_at__gte=since):
            remote_row = by_ref.get(refund.gateway_ref)
            if remote_row is None:
                self.stderr.write(f"missing at gateway: {refund.gateway_ref}")
                continue
            if remote_row["amount"] != refund.amount_cents:
                self.stdout.write(f"amount mismatch on {refund.gateway_ref}, fixing")
                refund.amount_cents = remote_row["amount"]
                refund.save(update_fields=["amount_cents"])
                updated += 1
        self.stdout.write(self.style.SUCCESS(f"reconciled {len(by_ref)} refunds, updated {updated}"))
