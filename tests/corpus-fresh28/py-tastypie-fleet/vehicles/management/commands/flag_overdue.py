import csv
import os
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from vehicles.maintenance import flag_depot
from vehicles.models import Depot

REPORT_DIR = "/Users/ravi/fleet-reports"


class Command(BaseCommand):
    help = "Flag vehicles that are due a service and write a CSV report per depot."

    def add_arguments(self, parser):
        parser.add_argument("--depot", action="append", help="Depot code; repeat for several. Default: all.")
        parser.add_argument("--as-of", type=date.fromisoformat, default=date.today(), help="YYYY-MM-DD")
        parser.add_argument("--no-report", action="store_true", help="Only update flags")

    def handle(self, *args, **options):
        codes = options["depot"] or list(Depot.objects.values_list("code", flat=True))
        unknown = set(codes) - set(Depot.objects.filter(code__in=codes).values_list("code", flat=True))
        if unknown:
            raise CommandError(f"Unknown depot(s): {', '.join(sorted(unknown))}")

        as_of = options["as_of"]
        total = 0
        for code in codes:
            flagged = flag_depot(code, as_of)
            total += len(flagged)
            if flagged and not options["no_report"]:
                self._write_report(code, as_of, flagged)
        self.stdout.write(self.style.SUCCESS(f"{total} vehicle(s) flagged as of {as_of:%Y-%m-%d}"))

    def _write_report(self, code, as_of, vehicles):
        os.makedirs(REPORT_DIR, exist_ok=True)
        path = os.path.join(REPORT_DIR, f"overdue-{code}-{as_of:%Y%m%d}.csv")
        with open(path, "w", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["registration", "odometer_km", "last_service_km", "last_service_date"])
            for v in vehicles:
                writer.writerow([v.registration, v.odometer_km, v.last_service_km, v.last_service_date])
        self.stdout.write(f"wrote {path}")
