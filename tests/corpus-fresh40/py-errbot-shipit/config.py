"""Errbot configuration for shipit, the release and on-call bot."""

import logging
import os

BACKEND = "SlackV3"

BOT_DATA_DIR = "/Users/kwame/code/shipit-bot/data"
BOT_EXTRA_PLUGIN_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "plugins")
BOT_LOG_FILE = os.path.join(BOT_DATA_DIR, "errbot.log")
BOT_LOG_LEVEL = logging.INFO

BOT_IDENTITY = {
    "token": os.environ.get("SLACK_BOT_TOKEN", "xoxb-5829301746-7391028465123-Qm3vT8kLp2XzR9wN4bY7cJ1d"),
    "app_token": os.environ.get("SLACK_APP_TOKEN"),
}

BOT_ADMINS = ("@amara.okafor", "@jonas.berg", "@li.wei")
BOT_ADMINS_NOTIFICATIONS = ("@amara.okafor",)
RELEASE_MANAGERS = BOT_ADMINS + ("@sofia.marquez", "@dev.patel")

CHATROOM_PRESENCE = ("#deploys", "#incidents")
BOT_PREFIX = "!"
BOT_ALT_PREFIXES = ("@shipit",)

HIDE_RESTRICTED_COMMANDS = True
HIDE_RESTRICTED_ACCESS = True
DIVERT_TO_PRIVATE = ("help", "whoami")

ACCESS_CONTROLS_DEFAULT = {}
ACCESS_CONTROLS = {
    "Deploy:deploy": {"allowrooms": ("#deploys",), "allowprivate": False},
    "Deploy:deploy_canary": {"allowusers": RELEASE_MANAGERS},
    "Deploy:rollback": {"allowusers": RELEASE_MANAGERS, "allowrooms": ("#deploys", "#incidents")},
    "Oncall:page": {"allowrooms": ("#incidents", "#deploys")},
    "Credentials:*": {"allowmuc": False, "allowprivate": True},
    "restart": {"allowusers": BOT_ADMINS},
    "plugin*": {"allowusers": BOT_ADMINS},
}
