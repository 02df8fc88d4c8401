from __future__ import annotations

import logging
from datetime import datetime, timezone
from pathlib import Path

from slack_bolt import App
from sqlalchemy.exc import SQLAlchemyError

from ..middleware import is_workspace_admin, record_audit
from ..models import Incident, SessionLocal
from ..pager import PagerClient, post_status_update
from ..settings import get_settings

log = logging.getLogger(__name__)

POSTMORTEM_TEMPLATE = Path("/Users/priya/src/oncall-bot/templates/postmortem.md")


def _incident_id(body: dict) -> int:
    return int(body["actions"][0]["value"])


def make_ack_handler(pager: PagerClient):
    def handle_ack(ack, body, client) -> None:
        ack()
        user = client.users_info(user=body["user"]["id"])["user"]
        with SessionLocal() as db:
            incident = db.get(Incident, _incident_id(body))
            if incident is None or incident.status != "triggered":
                return
            pager.acknowledge(incident.external_id, user["profile"]["email"])
            try:
                incident.status = "acknowledged"
                incident.commander_id = incident.commander_id or user["id"]
                db.commit()
            except SQLAlchemyError:
                db.rollback()
        client.chat_postMessage(channel=body["channel"]["id"], thread_ts=body["message"]["ts"],
                                text=f"<@{user['id']}> acknowledged.")

    return handle_ack


def make_resolve_handler(pager: PagerClient):
    def handle_resolve(ack, body, client, respond) -> None:
        ack()
        user_id = body["user"]["id"]
        with SessionLocal.begin() as db:
            incident = db.get(Incident, _incident_id(body))
            if incident is None:
                respond("That incident no longer exists.")
                return
            if user_id != incident.commander_id and not is_workspace_admin(client, user_id):
                respond(response_type="ephemeral", text="Only the incident commander can resolve this.")
                return
            email = client.users_info(user=user_id)["user"]["profile"]["email"]
            pager.resolve(incident.external_id, email)
            incident.status = "resolved"
            incident.resolved_at = datetime.now(timezone.utc)
            title = incident.title
        record_audit(user_id, "incident.resolve", str(incident.id))
        post_status_update(get_settings().status_page_url, title, "resolved")
        respond(replace_original=False, text=f":white_check_mark: Resolved by <@{user_id}>")

    return handle_resolve


def start_postmortem(ack, body, client) -> None:
    ack()
    template = POSTMORTEM_TEMPLATE.read_text(encoding="utf-8")
    with SessionLocal() as db:
        incident = db.get(Incident, _incident_id(body))
    doc = template.format(title=incident.title, severity=incident.severity,
                          opened_at=incident.opened_at.isoformat(), commander=incident.commander_id)
    client.files_upload_v2(channel=body["channel"]["id"], content=doc,
                           filename=f"postmortem-{incident.id}.md", title=f"Postmortem: {incident.title}")


def register(app: App, pager: PagerClient) -> None:
    app.action("ack_incident")(make_ack_handler(pager))
    app.action("resolve_incident")(make_resolve_handler(pager))
    app.action("start_postmortem")(start_postmortem)
