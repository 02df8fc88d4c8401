from __future__ import annotations

import hashlib
import hmac
import json

import pytest

from conftest import PLUGIN_DIR, FakeRequest, expect_reply, get_plugin

extra_plugin_dir = PLUGIN_DIR

PAGER_SECRET = "pager-webhook-test-secret"


class FakePager:
    def __init__(self):
        self.triggered: list[tuple] = []

    def trigger(self, user, summary, source):
        self.triggered.append((user, summary, source))
        return {"id": "INC-1"}

    def on_call(self, schedule_id):
        return ["sofia.marquez"]


@pytest.fixture
def oncall(testbot):
    plugin = get_plugin(testbot, "Oncall")
    plugin.pager = FakePager()
    plugin.config["PAGER_WEBHOOK_SECRET"] = PAGER_SECRET
    return plugin


def test_who_is_on_call(testbot, oncall):
    expect_reply(testbot, "!oncall who", "sofia.marquez")


def test_page_triggers_an_incident(testbot, oncall):
    expect_reply(testbot, "!page sofia.marquez checkout is returning 502s", "Paged sofia.marquez")
    assert oncall.pager.triggered[0][:2] == ("sofia.marquez", "checkout is returning 502s")
    assert oncall["pages"][-1]["incident"] == "INC-1"


def test_pager_events_are_relayed(oncall):
    body = json.dumps({"event": {"event_type": "incident.acknowledged", "data": {"title": "db down"}}}).encode()
    signature = "v1=" + hmac.new(PAGER_SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert oncall.pager_events(FakeRequest(body, {"X-Pager-Signature": signature})) == "ok"
