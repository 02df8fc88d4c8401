from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from labs.client import LabApiError, LabClient
from labs.importer import MeridianImporter


class Command(BaseCommand):
    help = "Pull new results from Meridian Labs and attach them to patients."

    def add_arguments(self, parser):
        parser.add_argument("--since", help="ISO timestamp; defaults to 48 hours ago")
        parser.add_argument(
            "--dry-run", action="store_true", help="Fetch and parse, but write nothing and acknowledge nothing."
        )

    def handle(self, *args, **options):
        since = parse_datetime(options["since"]) if options["since"] else timezone.now() - timedelta(hours=48)
        if since is None:
            raise CommandError(f"--since is not a valid timestamp: {options['since']!r}")

        client = LabClient()
        try:
            rows = list(client.fetch_results(since))
        except LabApiError as exc:
            raise CommandError(f"Could not fetch lab results: {exc}") from exc

        stats = MeridianImporter(client).run(rows)
        client.acknowledge([row["id"] for row in rows])

        self.stdout.write(
            self.style.SUCCESS(f"{len(rows)} fetched, {stats.imported} imported, {stats.skipped} skipped")
        )
