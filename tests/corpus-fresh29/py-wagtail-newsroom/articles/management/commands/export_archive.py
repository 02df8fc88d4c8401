import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from articles.models import ArticlePage


class Command(BaseCommand):
    help = "Write every live article to a dated JSON-lines file for the library archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            default=settings.ARCHIVE_EXPORT_DIR or "/Users/jpark/newsroom/archive-exports",
        )
        parser.add_argument("--section", help="Limit to one section slug")

    def handle(self, *args, **options):
        out_dir = Path(options["output_dir"])
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CommandError(f"cannot create {out_dir}: {exc}") from exc

        qs = ArticlePage.objects.live().select_related("author").order_by("first_published_at")
        if options["section"]:
            qs = qs.filter(path__startswith=self._section_path(options["section"]))

        target = out_dir / f"archive-{timezone.now():%Y%m%d}.jsonl"
        count = 0
        with target.open("w", encoding="utf-8") as fh:
            for article in qs.iterator():
                fh.write(
                    json.dumps(
                        {
                            "id": article.pk,
                            "title": article.title,
                            "standfirst": article.standfirst,
                            "author": article.author.name if article.author else None,
                            "published": article.first_published_at.isoformat() if article.first_published_at else None,
                            "url": article.full_url,
                            "body": article.body,
                        }
                    )
                    + "\n"
                )
                count += 1
        self.stdout.write(self.style.SUCCESS(f"wrote {count} articles to {target}"))

    def _section_path(self, slug):
        from articles.models import SectionPage

        try:
            return SectionPage.objects.get(slug=slug).path
        except SectionPage.DoesNotExist as exc:
            raise CommandError(f"unknown section {slug}") from exc
