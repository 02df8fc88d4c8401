import logging

import httpx
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand
from django.db import IntegrityError
from django.utils import timezone

from articles.models import ArticlePage

logger = logging.getLogger("articles.embargo")


class Command(BaseCommand):
    help = "Publish the approved revision of every article whose embargo has passed."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options):
        now = timezone.now()
        due = ArticlePage.objects.filter(embargo_until__lte=now, has_unpublished_changes=True)
        published = []
        for article in due:
            revision = article.get_latest_revision()
            if revision is None:
                continue
            if options["dry_run"]:
                self.stdout.write(f"would publish {article.pk} {article.title}")
                continue
            try:
                revision.publish(user=None, log_action="wagtail.publish.scheduled")
            except (ValidationError, IntegrityError):
                continue
            published.append(article)

        if published:
            self._notify_desk(published)
        self.stdout.write(self.style.SUCCESS(f"published {len(published)} embargoed article(s)"))

    def _notify_desk(self, articles):
        webhook = getattr(settings, "DESK_SLACK_WEBHOOK", None)
        if not webhook:
            return
        text = "\n".join(f"• {a.title} — {a.full_url}" for a in articles)
        try:
            httpx.post(webhook, json={"text": f"Embargo lifted:\n{text}"}, timeout=5).raise_for_status()
        except httpx.HTTPError:
            # The publish already happened; the Slack note is a courtesy.
            logger.warning("could not notify the desk channel", exc_info=True)
