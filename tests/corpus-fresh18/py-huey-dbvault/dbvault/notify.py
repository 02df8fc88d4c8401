import logging

import requests

from .config import settings

logger = logging.getLogger("dbvault.notify")


def _post(payload):
    if not settings.slack_webhook_url:
        logger.debug("slack webhook not configured; skipping notification")
        return
    try:
        resp = requests.post(settings.slack_webhook_url, json=payload, timeout=10)
        resp.raise_for_status()
    except requests.RequestException as exc:
        # chat notifications are informational; the task outcome is in the catalog
        logger.warning("slack notification failed: %s", exc)


def backup_succeeded(result, key):
    size_mb = result.size / (1024 * 1024)
    duration = (result.finished_at - result.started_at).total_seconds()
    _post({"text": f":floppy_disk: `{result.database}` backed up ({size_mb:.1f} MiB in {duration:.0f}s) -> `{key}`"})


def backup_failed(database, error):
    _post({"text": f":rotating_light: backup of `{database}` failed: {error}"})
