from __future__ import annotations

import logging
import os

import requests

log = logging.getLogger(__name__)

SLACK_BOT_TOKEN = os.environ.get("SLACK_BOT_TOKEN") or "xoxb-4827163950-5930184726153-Qm7vK2pXz9RtL4bWc8NfHs1D"
SLACK_CHANNEL = os.environ.get("REPORTS_SLACK_CHANNEL", "#finance-reports")


def post_ready(report_id: str, link: str) -> None:
    try:
        resp = requests.post(
            "https://slack.com/api/chat.postMessage",
            headers={"authorization": f"Bearer {SLACK_BOT_TOKEN}"},
            json={"channel": SLACK_CHANNEL, "text": f"Report {report_id} is ready: {link}"},
            timeout=5,
        )
        resp.raise_for_status()
    except requests.RequestException:
        log.exception("slack notification failed for report %s", report_id)
        raise
