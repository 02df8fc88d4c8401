from __future__ import annotations

import logging

from slack_bolt import App

from .listeners import actions, commands, events, views
from .middleware import log_request
from .pager import PagerClient
from .settings import get_settings

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")


def build_app() -> App:
    settings = get_settings()
    app = App(
        token=settings.slack_bot_token,
        signing_secret=settings.slack_signing_secret,
        process_before_response=False,
    )
    app.middleware(log_request)

    pager = PagerClient(settings.pager_base_url, settings.pager_api_token)
    commands.register(app)
    views.register(app, pager)
    actions.register(app, pager)
    events.register(app)
    return app
