from types import SimpleNamespace
from unittest.mock import MagicMock

import pytest

from oncall.listeners import commands
from oncall.middleware import require_admin
from oncall.settings import ConfigError, get_settings


def test_who_is_oncall_names_current_shift(primary_rotation, slack):
    ack, respond, _ = slack
    commands.who_is_oncall(ack, respond, {"text": "primary"})
    ack.assert_called_once()
    text = respond.call_args.args[0]
    assert "<@UONCALL1>" in text
    assert "primary" in text


def test_who_is_oncall_unknown_rotation(slack):
    ack, respond, _ = slack
    commands.who_is_oncall(ack, respond, {"text": "nope"})
    assert respond.call_args.args[0] == "No rotation called `nope`."


def test_require_admin_blocks_members(slack):
    ack, respond, client = slack
    next_ = MagicMock()
    require_admin(SimpleNamespace(user_id="UMEMBER1"), client, ack, respond, next_)
    next_.assert_not_called()
    respond.assert_called_once()


def test_require_admin_allows_allow_listed_user(slack):
    ack, respond, client = slack
    next_ = MagicMock()
    require_admin(SimpleNamespace(user_id="UADMIN01"), client, ack, respond, next_)
    assert next_.call_count == 1
    client.users_info.assert_not_called()


def test_purge_history_runs(primary_rotation, slack):
    ack, respond, _ = slack
    commands.purge_history(ack, respond, {"text": "30"}, SimpleNamespace(user_id="UADMIN01"))


def test_settings_require_signing_secret(monkeypatch):
    get_settings.cache_clear()
    monkeypatch.delenv("SLACK_SIGNING_SECRET")
    with pytest.raises(ConfigError):
        get_settings()
    get_settings.cache_clear()
