from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from slack_bolt import App
from sqlalchemy import delete, select

from ..middleware import record_audit, require_admin
from ..models import Incident, Rotation, SessionLocal, Shift

log = logging.getLogger(__name__)


def _localize(dt: datetime, tz_name: str) -> str:
    return dt.astimezone(ZoneInfo(tz_name)).strftime("%a %d %b %H:%M %Z")


def format_shift(shift: Shift, tz_name: str) -> str:
    return f"<@{shift.slack_user_id}> until {_localize(shift.ends_at, tz_name)}"


def who_is_oncall(ack, respond, command) -> None:
    ack()
    name = (command.get("text") or "").strip() or "primary"
    now = datetime.now(timezone.utc)
    with SessionLocal() as db:
        rotation = db.scalar(select(Rotation).where(Rotation.name == name))
        if rotation is None:
            respond(f"No rotation called `{name}`.")
            return
        shift = db.scalar(
            select(Shift)
            .where(Shift.rotation_id == rotation.id, Shift.starts_at <= now, Shift.ends_at > now)
            .limit(1)
        )
    if shift is None:
        respond(f"Nobody is scheduled on `{name}` right now.")
        return
    respond(f"On call for *{name}*: {format_shift(shift, rotation.timezone)}")


def open_declare_modal(ack, body, client) -> None:
    ack()
    client.views_open(
        trigger_id=body["trigger_id"],
        view={
            "type": "modal",
            "callback_id": "declare_incident",
            "title": {"type": "plain_text", "text": "Declare incident"},
            "submit": {"type": "plain_text", "text": "Page"},
            "blocks": [
                {"type": "input", "block_id": "title",
                 "element": {"type": "plain_text_input", "action_id": "value"},
                 "label": {"type": "plain_text", "text": "What is broken?"}},
                {"type": "input", "block_id": "severity",
                 "element": {"type": "static_select", "action_id": "value", "options": [
                     {"text": {"type": "plain_text", "text": s.upper()}, "value": s}
                     for s in ("sev1", "sev2", "sev3", "sev4")]},
                 "label": {"type": "plain_text", "text": "Severity"}},
                {"type": "input", "block_id": "service",
                 "element": {"type": "plain_text_input", "action_id": "value"},
                 "label": {"type": "plain_text", "text": "Pager service ID"}},
            ],
        },
    )


def override_shift(ack, respond, command, context) -> None:
    ack()
    parts = (command.get("text") or "").split()
    if len(parts) != 3 or not parts[1].startswith("<@"):
        respond("Usage: `/oncall-override <rotation> @user <hours>`")
        return
    rotation_name, mention, hours = parts
    user_id = mention.strip("<@>").split("|")[0]
    now = datetime.now(timezone.utc)
    with SessionLocal.begin() as db:
        rotation = db.scalar(select(Rotation).where(Rotation.name == rotation_name))
        if rotation is None:
            respond(f"No rotation called `{rotation_name}`.")
            return
        db.add(Shift(rotation_id=rotation.id, slack_user_id=user_id, starts_at=now,
                     ends_at=now + timedelta(hours=int(hours))))
    record_audit(context.user_id, "shift.override", f"{rotation_name} -> {user_id} for {hours}h")
    respond(f"<@{user_id}> now covers *{rotation_name}* for {hours}h.")


def purge_history(ack, respond, command, context) -> None:
    ack()
    days = int((command.get("text") or "90").strip() or 90)
    cutoff = datetime.now(timezone.utc) - timedelta(days=days)
    with SessionLocal.begin() as db:
        result = db.execute(delete(Incident).where(Incident.resolved_at < cutoff))
    record_audit(context.user_id, "incident.purge", f"older than {days}d: {result.rowcount}")
    respond(f"Removed {result.rowcount} resolved incidents older than {days} days.")


def weekly_report(ack, respond, command) -> None:
    ack()
    raise NotImplementedError("weekly on-call report")


def register(app: App) -> None:
    app.command("/oncall")(who_is_oncall)
    app.command("/incident")(open_declare_modal)
    app.command("/oncall-override", middleware=[require_admin])(override_shift)
    app.command("/oncall-purge")(purge_history)
    app.command("/oncall-report", middleware=[require_admin])(weekly_report)
