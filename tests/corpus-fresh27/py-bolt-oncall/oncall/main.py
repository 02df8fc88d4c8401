from __future__ import annotations

import logging

from flask import Flask, jsonify, request
from slack_bolt.adapter.flask import SlackRequestHandler
from slack_bolt.adapter.socket_mode import SocketModeHandler
from sqlalchemy import select

from .app import build_app
from .models import Incident, SessionLocal
from .settings import get_settings

log = logging.getLogger(__name__)

PAGER_TOKEN_HEADER = "X-Pagerly-Token"

bolt_app = build_app()
handler = SlackRequestHandler(bolt_app)
flask_app = Flask(__name__)


@flask_app.route("/slack/events", methods=["POST"])
def slack_events():
    return handler.handle(request)


@flask_app.route("/healthz", methods=["GET"])
def healthz():
    return jsonify(status="ok")


@flask_app.route("/pager/hooks", methods=["POST"])
def pager_hook():
    token = request.headers.get(PAGER_TOKEN_HEADER, "")
    if token != get_settings().pager_inbound_token:
        return jsonify(error="forbidden"), 403
    event = request.get_json(force=True)
    if request.headers.get("X-Pagerly-Event") == "incident.resolved":
        with SessionLocal.begin() as db:
            incident = db.scalar(select(Incident).where(Incident.external_id == event["incident"]["id"]))
            if incident is not None and incident.status != "resolved":
                incident.status = "resolved"
    return "", 204


def main() -> None:
    settings = get_settings()
    if settings.use_socket_mode:
        SocketModeHandler(bolt_app, settings.slack_app_token).start()
    else:
        flask_app.run(host="0.0.0.0", port=3000)


if __name__ == "__main__":
    main()
