from __future__ import annotations

import logging

from slack_bolt import App
from slack_sdk.errors import SlackApiError

from ..models import Incident, SessionLocal
from ..pager import PagerClient, PagerError, SEVERITIES
from ..settings import get_settings

log = logging.getLogger(__name__)


def _value(state: dict, block: str) -> str:
    element = state["values"][block]["value"]
    if "selected_option" in element:
        return element["selected_option"]["value"]
    return (element.get("value") or "").strip()


def incident_blocks(incident: Incident, pager_url: str) -> list[dict]:
    return [
        {"type": "section", "text": {"type": "mrkdwn",
            "text": f":rotating_light: *{incident.severity.upper()}* {incident.title}\n<{pager_url}|Open in Pagerly>"}},
        {"type": "actions", "block_id": f"incident-{incident.id}", "elements": [
            {"type": "button", "action_id": "ack_incident", "value": str(incident.id),
             "text": {"type": "plain_text", "text": "Acknowledge"}},
            {"type": "button", "action_id": "resolve_incident", "value": str(incident.id), "style": "primary",
             "text": {"type": "plain_text", "text": "Resolve"}},
            {"type": "button", "action_id": "start_postmortem", "value": str(incident.id),
             "text": {"type": "plain_text", "text": "Postmortem"}},
        ]},
    ]


def make_declare_handler(pager: PagerClient):
    def handle_declare(ack, body, view, client, logger) -> None:
        title = _value(view["state"], "title")
        severity = _value(view["state"], "severity")
        service_id = _value(view["state"], "service")
        if severity not in SEVERITIES:
            ack(response_action="errors", errors={"severity": "Pick a severity"})
            return
        ack()

        user_id = body["user"]["id"]
        try:
            remote = pager.trigger_incident(title, severity, service_id)
        except PagerError as exc:
            client.chat_postEphemeral(channel=user_id, user=user_id, text=f"Paging failed: {exc}")
            return

        with SessionLocal.begin() as db:
            incident = Incident(external_id=remote.id, title=title, severity=severity, commander_id=user_id)
            db.add(incident)
            db.flush()
            incident_id = incident.id

        channel = get_settings().incident_channel
        try:
            msg = client.chat_postMessage(channel=channel, text=f"{severity.upper()}: {title}",
                                          blocks=incident_blocks(incident, remote.html_url))
        except SlackApiError as exc:
            logger.exception("could not announce incident %s in %s", incident_id, channel)
            raise exc
        with SessionLocal.begin() as db:
            db.get(Incident, incident_id).channel_id = msg["channel"]

    return handle_declare


def register(app: App, pager: PagerClient) -> None:
    app.view("declare_incident")(make_declare_handler(pager))
